"""Read an exchange file into unsaved objects, or say exactly what is wrong with it.

Every problem is collected with the path of the field it concerns
(``practice.indicators[2].value``), so one run of the import lists them all.
Nothing here writes to the database.
"""

import datetime
import json
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.utils.text import capfirst, slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from ciao.models import Ambito, Comune, Organisation, TargetGroup, Theme
from ciao.sanitize import sanitize_rich_text
from practices.forms import period_errors
from practices.models import Licence, PracticeAttachment, PracticeIndicator, PracticePage, PracticeStep
from practices.text import validate_plain_text, validate_rich_text

from .export import FORMAT, VERSION

MAX_FILE_BYTES = 2 * 1024 * 1024
RICH_TEXT_FIELDS = ["context", "objectives", "results", "evidence", "lessons_learnt", "transferability"]
TEXT_FIELDS = ["title", "slug", "seo_title", "search_description", "summary", "staff", "funding_source"]
VOCABULARIES = {
    "comuni": Comune,
    "themes": Theme,
    "target_groups": TargetGroup,
    "partner_organisations": Organisation,
}
KNOWN_KEYS = set(
    TEXT_FIELDS
    + RICH_TEXT_FIELDS
    + list(VOCABULARIES)
    + [
        "ambito",
        "lead_organisation",
        "start_date",
        "end_date",
        "tags",
        "image",
        "contact",
        "steps",
        "budget",
        "indicators",
        "attachments",
    ]
)
# Page fields without the plain-text validator of the practice's own fields.
PLAIN_TEXT_FIELDS = {"title", "seo_title", "search_description"}
# Model fields filled from the file and checked by the model's own validators.
MODEL_FIELDS = (
    TEXT_FIELDS
    + RICH_TEXT_FIELDS
    + [
        "start_date",
        "end_date",
        "budget",
        "contact_name",
        "contact_email",
        "contact_phone",
    ]
)


class PracticeImportError(Exception):
    def __init__(self, errors):
        self.errors = errors  # [(field path, message)]
        super().__init__("; ".join(f"{path}: {message}" for path, message in errors))


@dataclass
class ImportedPractice:
    """An unsaved practice with what Wagtail saves alongside it."""

    page: PracticePage
    tags: list
    skipped_files: list = field(default_factory=list)
    # Set by the import: what the destination still needs before review, and whether it went there.
    incomplete: list = field(default_factory=list)
    submitted: bool = False


def parse_json(raw):
    if isinstance(raw, bytes):
        if len(raw) > MAX_FILE_BYTES:
            raise PracticeImportError([("file", _("Il file è troppo grande: al massimo 2 MB."))])
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise PracticeImportError([("file", _("Il file non è in codifica UTF-8."))]) from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        raise PracticeImportError(
            [
                (
                    "file",
                    _("Il file non è un JSON valido (riga %(line)d, colonna %(column)d: %(reason)s).")
                    % {"line": error.lineno, "column": error.colno, "reason": error.msg},
                )
            ]
        ) from None
    return data


class Reader:
    """Walks the file's dictionary, collecting errors instead of stopping at the first."""

    def __init__(self, skip_missing_files=False, skip_hint=None):
        self.errors = []
        self.skip_missing_files = skip_missing_files
        # How the person leaves missing files out: an option of the command, or of the admin's form.
        self.skip_hint = skip_hint or _("importa senza file con --skip-missing-files")
        self.skipped_files = []

    def error(self, path, message):
        self.errors.append((path, str(message)))

    def text(self, data, key, path, default=""):
        value = data.get(key, default)
        if value is None:
            return default
        if not isinstance(value, str):
            self.error(path, _("Deve essere un testo."))
            return default
        return value

    def items(self, data, key, path):
        value = data.get(key) or []
        if not isinstance(value, list):
            self.error(path, _("Deve essere un elenco."))
            return []
        return value

    def vocabulary(self, model, ref, path):
        """Find a vocabulary entry by slug (or name); None, with an error, if this site lacks it."""
        if not isinstance(ref, dict) or not isinstance(ref.get("slug", ref.get("name")), str):
            self.error(path, _("Deve indicare «slug» e «name»."))
            return None
        slug, name = ref.get("slug") or "", ref.get("name") or ""
        found = model.objects.filter(slug=slug).first() if slug else None
        found = found or (model.objects.filter(name=name).first() if name else None)
        if found is None:
            known = ", ".join(model.objects.values_list("name", flat=True)[:30])
            self.error(
                path,
                _("%(kind)s sconosciuto su questo sito: «%(value)s». Valori possibili: %(known)s.")
                % {"kind": str(model._meta.verbose_name).capitalize(), "value": name or slug, "known": known},
            )
        return found

    def date(self, data, key, path):
        value = data.get(key)
        if value in (None, ""):
            return None
        try:
            return datetime.date.fromisoformat(value)
        except (TypeError, ValueError):
            self.error(path, _("Data non valida: usa il formato AAAA-MM-GG."))
            return None

    def decimal(self, value, path, required=False):
        if value in (None, ""):
            if required:
                self.error(path, _("Valore mancante."))
            return None
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.error(path, _("Deve essere un numero."))
            return None
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            self.error(path, _("Deve essere un numero."))
            return None
        if not number.is_finite():
            self.error(path, _("Deve essere un numero."))
            return None
        return number

    def stored_file(self, model, ref, path, kind):
        """A document or image of this site with the same content (by SHA-1)."""
        if not isinstance(ref, dict) or not isinstance(ref.get("sha1"), str) or not ref["sha1"]:
            self.error(path, _("Deve indicare l'impronta «sha1» del file."))
            return None
        found = model.objects.filter(file_hash=ref["sha1"]).first()
        if found is None:
            label = ref.get("title") or ref.get("file_name") or ref["sha1"]
            if self.skip_missing_files:
                self.skipped_files.append(f"{kind} «{label}» ({ref.get('url', '')})")
            else:
                self.error(
                    path,
                    _("%(kind)s «%(label)s» non è su questo sito: caricalo prima (%(url)s) oppure %(hint)s.")
                    % {"kind": kind, "label": label, "url": ref.get("url", ""), "hint": self.skip_hint},
                )
        return found


def read_practice(data, skip_missing_files=False, skip_hint=None):
    """An :class:`ImportedPractice` from the exchange dictionary, or :class:`PracticeImportError`.

    ``skip_hint`` ends the message about a missing file: how to import without it.
    """
    practice = _practice_record(data)
    reader = Reader(skip_missing_files, skip_hint)
    for key in sorted(set(practice) - KNOWN_KEYS):
        reader.error(f"practice.{key}", _("Campo sconosciuto."))

    fields = _read_fields(reader, practice)
    vocabularies = {
        key: [
            found
            for n, ref in enumerate(reader.items(practice, key, f"practice.{key}"))
            if (found := reader.vocabulary(model, ref, f"practice.{key}[{n}]"))
        ]
        for key, model in VOCABULARIES.items()
    }
    ambito = fields["ambito"]
    for comune in vocabularies["comuni"]:
        if ambito and comune.ambito_id != ambito.pk:
            reader.error(
                "practice.comuni",
                _("%(comune)s non fa parte dell'ambito %(ambito)s.") % {"comune": comune.name, "ambito": ambito.name},
            )

    page = PracticePage(**fields, **vocabularies)
    page.steps = _read_steps(reader, practice)
    page.indicators = _read_indicators(reader, practice)
    page.attachments = _read_attachments(reader, practice)
    image = practice.get("image")
    page.image = reader.stored_file(get_image_model(), image, "practice.image", _("L'immagine")) if image else None
    tags = _read_tags(reader, practice)

    _check_model_fields(reader, page)
    _check_rich_text(reader, page)
    for path, message in period_errors(fields["start_date"], fields["end_date"]):
        reader.error(f"practice.{path}", message)

    if reader.errors:
        raise PracticeImportError(reader.errors)
    return ImportedPractice(page=page, tags=tags, skipped_files=reader.skipped_files)


def _practice_record(data):
    """The file's practice dictionary, once the file says it is one of ours."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        message = _("Non è una scheda di buona pratica di CIAO! (manca «format»: «%(format)s»).")
        raise PracticeImportError([("format", message % {"format": FORMAT})])
    if data.get("version") != VERSION:
        message = _("Versione del formato non supportata: %(version)s.")
        raise PracticeImportError([("version", message % {"version": data.get("version")})])
    practice = data.get("practice")
    if not isinstance(practice, dict):
        raise PracticeImportError([("practice", _("Manca la scheda della pratica."))])
    return practice


def _read_fields(reader, practice):
    """The practice's own columns: texts, contact, dates, budget, ambito and lead organisation."""
    fields = {key: reader.text(practice, key, f"practice.{key}") for key in TEXT_FIELDS + RICH_TEXT_FIELDS}
    contact = practice.get("contact") or {}
    if not isinstance(contact, dict):
        reader.error("practice.contact", _("Deve indicare «name», «email» e «phone»."))
        contact = {}
    for key in ("name", "email", "phone"):
        fields[f"contact_{key}"] = reader.text(contact, key, f"practice.contact.{key}")
    fields["start_date"] = reader.date(practice, "start_date", "practice.start_date")
    fields["end_date"] = reader.date(practice, "end_date", "practice.end_date")
    fields["budget"] = reader.decimal(practice.get("budget"), "practice.budget")
    fields["slug"] = fields["slug"] or slugify(fields["title"])[:255]
    fields["ambito"] = None
    if practice.get("ambito"):
        fields["ambito"] = reader.vocabulary(Ambito, practice["ambito"], "practice.ambito")
    else:
        reader.error("practice.ambito", _("L'ambito è obbligatorio."))
    lead = practice.get("lead_organisation")
    fields["lead_organisation"] = reader.vocabulary(Organisation, lead, "practice.lead_organisation") if lead else None
    return fields


def _check_rich_text(reader, page):
    """Refuse markup the editor would not produce; keep the allowlisted, sanitised text."""
    for key in RICH_TEXT_FIELDS:
        value = getattr(page, key)
        try:
            validate_rich_text(value)
        except ValidationError as error:
            reader.error(f"practice.{key}", " ".join(error.messages))
        setattr(page, key, sanitize_rich_text(value))


def _check_model_fields(reader, page):
    """The model's own validators: lengths, words, e-mail, plain text, decimals."""
    for name in MODEL_FIELDS:
        model_field = PracticePage._meta.get_field(name)
        value = getattr(page, model_field.attname)
        if value in model_field.empty_values:
            if not model_field.blank:
                reader.error(f"practice.{_exchange_name(name)}", _("Campo obbligatorio."))
            continue
        try:
            model_field.clean(value, page)
            if name in PLAIN_TEXT_FIELDS:
                validate_plain_text(value)
        except ValidationError as error:
            reader.error(f"practice.{_exchange_name(name)}", " ".join(error.messages))


def _exchange_name(name):
    return name.replace("contact_", "contact.") if name.startswith("contact_") else name


def _clean_child(reader, obj, path, exclude=("id", "practice", "sort_order")):
    try:
        obj.clean_fields(exclude=list(exclude))
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            reader.error(f"{path}.{name}", " ".join(messages))


def _read_steps(reader, practice):
    steps = []
    for n, item in enumerate(reader.items(practice, "steps", "practice.steps")):
        path = f"practice.steps[{n}]"
        if not isinstance(item, dict):
            reader.error(path, _("Deve indicare «title» e «description»."))
            continue
        step = PracticeStep(
            title=reader.text(item, "title", f"{path}.title"),
            description=reader.text(item, "description", f"{path}.description"),
        )
        _clean_child(reader, step, path)
        steps.append(step)
    return steps


def _read_indicators(reader, practice):
    indicators = []
    for n, item in enumerate(reader.items(practice, "indicators", "practice.indicators")):
        path = f"practice.indicators[{n}]"
        if not isinstance(item, dict):
            reader.error(path, _("Deve indicare «name», «value», «unit» e «year»."))
            continue
        year = item.get("year")
        if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
            reader.error(f"{path}.year", _("L'anno deve essere un numero intero."))
            year = None
        indicator = PracticeIndicator(
            name=reader.text(item, "name", f"{path}.name"),
            value=reader.decimal(item.get("value"), f"{path}.value", required=True),
            unit=reader.text(item, "unit", f"{path}.unit"),
            year=year,
        )
        # A missing or unreadable value was reported above; don't report it twice.
        skip = ("value",) if indicator.value is None else ()
        _clean_child(reader, indicator, path, exclude=("id", "practice", "sort_order") + skip)
        indicators.append(indicator)
    return indicators


def _read_attachments(reader, practice):
    attachments = []
    for n, item in enumerate(reader.items(practice, "attachments", "practice.attachments")):
        path = f"practice.attachments[{n}]"
        if not isinstance(item, dict):
            reader.error(path, _("Deve indicare «title», «licence» e «document»."))
            continue
        licence = item.get("licence") or Licence.CC_BY
        if licence not in Licence.values:
            message = _("Licenza sconosciuta: «%(value)s». Valori possibili: %(known)s.")
            reader.error(f"{path}.licence", message % {"value": licence, "known": ", ".join(Licence.values)})
        document = reader.stored_file(get_document_model(), item.get("document"), f"{path}.document", _("Il documento"))
        if document is None:
            continue
        attachment = PracticeAttachment(
            document=document, title=reader.text(item, "title", f"{path}.title"), licence=licence
        )
        _clean_child(reader, attachment, path, exclude=("id", "practice", "sort_order", "document"))
        attachments.append(attachment)
    return attachments


def _read_tags(reader, practice):
    tags = []
    for n, tag in enumerate(reader.items(practice, "tags", "practice.tags")):
        path = f"practice.tags[{n}]"
        if not isinstance(tag, str) or not tag.strip() or len(tag) > 100:
            reader.error(path, _("Ogni etichetta è un testo di al massimo 100 caratteri."))
            continue
        try:
            validate_plain_text(tag)
        except ValidationError as error:
            reader.error(path, " ".join(error.messages))
            continue
        tags.append(tag.strip())
    return tags


# What the file-level paths of the errors above mean, for a person rather than a program.
FILE_LABELS = {
    "file": gettext_lazy("File"),
    "format": gettext_lazy("Formato del file"),
    "version": gettext_lazy("Versione del formato"),
    "practice": gettext_lazy("Scheda della pratica"),
    "parent": gettext_lazy("Elenco delle buone pratiche"),
}
CHILD_MODELS = {"steps": PracticeStep, "indicators": PracticeIndicator, "attachments": PracticeAttachment}
PATH_PART = re.compile(r"(\w+)(?:\[(\d+)\])?")


def field_label(path):
    """The Italian name of the field an error's path points to.

    ``practice.indicators[0].value`` is «Indicatori n. 1 › valore»,
    ``practice.contact.email`` is «E-mail di riferimento». A path this site's
    models do not know (an unknown key of the file) is returned as it is.
    """
    if path in FILE_LABELS:
        return str(FILE_LABELS[path])
    head, _dot, rest = path.partition(".")
    if head != "practice" or not rest:
        return path
    if rest.startswith("contact."):
        rest = "contact_" + rest.removeprefix("contact.")
    model, labels = PracticePage, []
    for part in rest.split("."):
        match = PATH_PART.fullmatch(part)
        if match is None:
            return path
        key, number = match[1], match[2]
        if model is PracticePage and key in CHILD_MODELS:
            label, model = CHILD_MODELS[key]._meta.verbose_name_plural, CHILD_MODELS[key]
        else:
            try:
                label = model._meta.get_field(key).verbose_name
            except FieldDoesNotExist:
                return path
        labels.append(f"{label} n. {int(number) + 1}" if number is not None else str(label))
    return capfirst(" › ".join(labels))
