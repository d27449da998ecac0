"""No import cycle between the project's packages.

The graph is read from the source with ``ast``: an edge ``a -> b`` when a module
of package ``a`` imports from package ``b`` (anywhere in the module, functions
included). Tests and migrations are left out. ``ciao/urls.py`` and
``ciao/settings/`` are the project's root: they bring everything together and
may import anything, so their imports are not ``ciao``'s.

The rules this keeps (README, "Layout"): no two packages import each other,
directly or through others; ``search`` imports nothing from the project;
``discovery`` imports ``ciao`` and ``search``, never a content app (page types
declare what discovery needs: see discovery/__init__.py).
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Every top-level package of the checkout but the tests (an app added later is in the graph too).
PACKAGES = tuple(sorted(p.name for p in ROOT.iterdir() if (p / "__init__.py").is_file() and p.name != "tests"))
PROJECT_ROOT_MODULES = (Path("ciao/urls.py"), Path("ciao/settings"))


def _is_left_out(relative):
    parts = relative.parts
    if "migrations" in parts or "tests" in parts or parts[-1].startswith("test_"):
        return True
    return any(relative == root or root in relative.parents for root in PROJECT_ROOT_MODULES)


def imported_packages(source):
    """The top-level names this module's absolute imports name (relative imports stay inside)."""
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            names.add(node.module.split(".")[0])
    return names


def import_graph():
    """{package: {imported package: [modules importing it]}} between ``PACKAGES``."""
    graph = {package: {} for package in PACKAGES}
    for package in PACKAGES:
        folder = ROOT / package
        for path in sorted(folder.rglob("*.py")):
            relative = path.relative_to(ROOT)
            if _is_left_out(relative):
                continue
            for name in imported_packages(path.read_text(encoding="utf-8")):
                if name in PACKAGES and name != package:
                    graph[package].setdefault(name, []).append(str(relative))
    return graph


def cycles(graph):
    """Groups of packages that import each other, directly or through others (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for successor in graph[node]:
            if successor not in index:
                visit(successor)
                low[node] = min(low[node], low[successor])
            elif successor in on_stack:
                low[node] = min(low[node], index[successor])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in graph:
        if node not in index:
            visit(node)
    return found


def describe(graph, packages=None):
    lines = []
    for source in sorted(graph):
        for target, modules in sorted(graph[source].items()):
            if packages is None or (source in packages and target in packages):
                lines.append(f"  {source} -> {target}   ({', '.join(sorted(set(modules)))})")
    return "\n".join(lines)


def test_the_graph_covers_the_project_packages():
    assert {"ciao", "practices", "resources", "events", "search", "discovery"} <= set(PACKAGES)


def test_the_packages_import_each_other_without_cycles():
    graph = import_graph()
    found = cycles(graph)
    assert not found, (
        "Import cycles between packages:\n"
        + "\n".join(f"{' <-> '.join(group)}:\n{describe(graph, set(group))}" for group in found)
        + "\n\nAll edges:\n"
        + describe(graph)
    )


def test_the_cycle_finder_finds_cycles():
    assert cycles({"a": {"b": []}, "b": {"c": []}, "c": {"a": []}, "d": {"a": []}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b": []}, "b": {}}) == []


def test_search_imports_nothing_from_the_project():
    graph = import_graph()
    assert graph["search"] == {}, describe(graph, {"search"} | set(graph["search"]))


def test_discovery_imports_no_content_app():
    graph = import_graph()
    assert set(graph["discovery"]) <= {"ciao", "search"}, describe(graph, {"discovery"} | set(graph["discovery"]))
