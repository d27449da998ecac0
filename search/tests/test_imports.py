"""The package stands on its own: Django, django-modelsearch, Whoosh and the
standard library only, never Wagtail or the site around it; and its engine
(``search.engine``) needs not even Django."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1]
FORBIDDEN = {"wagtail", "ciao", "practices", "resources", "events", "discovery", "community"}
NOT_IN_THE_ENGINE = {"django", "modelsearch"}


def modules(folder):
    return sorted(path for path in folder.rglob("*.py") if "__pycache__" not in path.parts)


def package_of(path):
    """The dotted package (as a tuple) that the module at ``path`` belongs to."""
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return parts[:-1]


def imported(source, package):
    """The names imported by ``source`` (a module of ``package``), relative
    imports resolved: ``from ..backend import index`` in ``search.engine``
    gives "search.backend"."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                found.add(".".join(base + ((node.module,) if node.module else ())))
            else:
                found.add(node.module)
    return found


def imports_of(path):
    return imported(path.read_text(), package_of(path))


def top_level(names):
    return {name.split(".")[0] for name in names}


@pytest.mark.parametrize("path", modules(PACKAGE), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_imports_wagtail_or_the_site(path):
    assert not top_level(imports_of(path)) & FORBIDDEN


@pytest.mark.parametrize("path", modules(PACKAGE / "engine"), ids=lambda p: p.name)
def test_the_engine_imports_neither_django_nor_the_plug_in(path):
    names = imports_of(path)
    assert not top_level(names) & NOT_IN_THE_ENGINE
    ours = {name for name in names if top_level({name}) == {"search"}}
    assert all(name == "search.engine" or name.startswith("search.engine.") for name in ours)


def test_the_rule_sees_every_kind_of_import():
    source = "\n".join(
        [
            "import wagtail.models",
            "from ciao import models",
            "from ..backend import index",
            "from . import analysis",
            "def later():",
            "    from practices.models import PracticePage",
        ]
    )

    found = imported(source, ("search", "engine"))

    assert found == {"wagtail.models", "ciao", "search.backend", "search.engine", "practices.models"}
    assert top_level(found) & FORBIDDEN == {"wagtail", "ciao", "practices"}


def test_package_of_a_module_and_of_a_package():
    assert package_of(PACKAGE / "engine" / "storage.py") == ("search", "engine")
    assert package_of(PACKAGE / "engine" / "__init__.py") == ("search", "engine")
