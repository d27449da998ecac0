"""Hostile files uploaded by a formatore: a zip bomb, archives that lie, a PDF that keeps pypdf busy.

Every file is generated here, in well under a second (the 190 MB of the bomb
are compressed once as one 1 MiB block, repeated). An upload through the admin
finishes in seconds, never answers 500, does not grow the site's process, and
either refuses the file with an Italian message or saves it without text and
says, in Italian, that its text will not be searchable.
"""

import io
import re
import struct
import time
import zipfile
import zlib
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from wagtail.models import Collection

from ciao.page_cache import generation as page_cache_generation
from resources.models import ResourceDocument
from resources.sample_files import docx_bytes, odt_bytes, pdf_bytes
from resources.text_extraction import (
    DAMAGED,
    MAX_CHARS,
    MEMORY,
    OK,
    TOO_LARGE,
    extract_text,
)
from resources.uploads import pop_upload_notices, validate_document_file

pytestmark = pytest.mark.django_db

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NOT_SEARCHABLE = "non sarà cercabile"
MiB = 1024 * 1024


# Writing archives byte by byte, so that their headers can say what they like.


class Entry:
    """One archive entry: deflated (or stored) data and the sizes its two headers declare."""

    def __init__(
        self,
        name,
        data=b"",
        *,
        compressed=None,
        size=None,
        crc=None,
        method=zipfile.ZIP_DEFLATED,
        declared_size=None,
        local_size=None,
    ):
        self.name = name.encode()
        self.method = method
        if compressed is None:
            if method == zipfile.ZIP_DEFLATED:
                compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
                compressed = compressor.compress(data) + compressor.flush()
            else:
                compressed = data
            size, crc = len(data), zlib.crc32(data)
        self.compressed, self.size, self.crc = compressed, size, crc
        self.declared_size = size if declared_size is None else declared_size  # central directory
        self.local_size = self.declared_size if local_size is None else local_size  # local header


def write_zip(entries, entry_count=None):
    """A zip archive of ``entries``; ``entry_count`` makes the end record lie about their number."""
    out = io.BytesIO()
    central = []
    for entry in entries:
        offset = out.tell()
        out.write(
            struct.pack(
                "<IHHHHHIIIHH",
                0x04034B50,
                20,
                0,
                entry.method,
                0,
                0x21,
                entry.crc,
                len(entry.compressed),
                entry.local_size,
                len(entry.name),
                0,
            )
        )
        out.write(entry.name)
        out.write(entry.compressed)
        central.append(
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                20,
                20,
                0,
                entry.method,
                0,
                0x21,
                entry.crc,
                len(entry.compressed),
                entry.declared_size,
                len(entry.name),
                0,
                0,
                0,
                0,
                0,
                offset,
            )
            + entry.name
        )
    start = out.tell()
    out.write(b"".join(central))
    count = len(entries) if entry_count is None else entry_count
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, out.tell() - start, start, 0))
    return out.getvalue()


def repeated_deflate(prefix, block, times, suffix):
    """(raw deflate data, CRC, size) of prefix + block * times + suffix, compressing ``block`` once.

    A full flush before and after the block resets the compressor, so its
    compressed form is the same every time and can simply be repeated.
    """
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = compressor.compress(prefix) + compressor.flush(zlib.Z_FULL_FLUSH)
    body = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    tail = compressor.compress(suffix) + compressor.flush(zlib.Z_FINISH)
    crc = zlib.crc32(prefix)
    for _ in range(times):
        crc = zlib.crc32(block, crc)
    return head + body * times + tail, zlib.crc32(suffix, crc), len(prefix) + len(block) * times + len(suffix)


def docx_with(document_xml_entry=None, extra=()):
    """A genuine DOCX (python-docx's), its word/document.xml replaced, plus ``extra`` entries."""
    with zipfile.ZipFile(io.BytesIO(docx_bytes("Scheda", ["Testo della scheda."]))) as sample:
        parts = {name: sample.read(name) for name in sample.namelist()}
    entries = []
    for name, data in parts.items():
        if name == "word/document.xml" and document_xml_entry is not None:
            entries.append(document_xml_entry)
        else:
            entries.append(Entry(name, data))
    return entries + list(extra)


def bomb_entry(megabytes, **overrides):
    """word/document.xml of ``megabytes`` MiB of paragraphs: ~3 KB compressed per MiB."""
    prefix = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>'.encode()
    block = b"<w:p><w:r><w:t>ciao</w:t></w:r></w:p>" * (MiB // 38)
    compressed, crc, size = repeated_deflate(prefix, block, megabytes, b"</w:body></w:document>")
    return Entry("word/document.xml", compressed=compressed, size=size, crc=crc, **overrides)


def docx_bomb(megabytes=190, **overrides):
    return write_zip(docx_with(bomb_entry(megabytes, **overrides)))


def many_entries_docx(count=60_000, entry_count=None):
    extra = [Entry(f"x/{n}", method=zipfile.ZIP_STORED) for n in range(count)]
    return write_zip(docx_with(extra=extra), entry_count=entry_count)


def nested_zip_docx(levels=5):
    """A DOCX embedding a zip, in a zip, ... around a 190 MB bomb: embedded objects are never opened."""
    inner = write_zip([bomb_entry(190)])
    for level in range(levels):
        inner = write_zip([Entry(f"livello-{level}.zip", inner)])
    return write_zip(docx_with(extra=[Entry("word/embeddings/oggetto.zip", inner)]))


def entity_bomb_docx():
    """The "billion laughs": ten nested entities that would expand to a billion "ah"."""
    entities = '<!ENTITY a0 "ah">' + "".join(f'<!ENTITY a{n} "{f"&a{n - 1};" * 10}">' for n in range(1, 10))
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [{entities}]>'
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&a9;</w:t></w:r></w:p></w:body></w:document>'
    )
    return write_zip(docx_with(Entry("word/document.xml", xml.encode())))


# PDFs written by hand, object by object.


def raw_pdf(objects):
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n"
    size = max(objects) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        out += b"%010d 00000 n \n" % offsets[number]
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    return bytes(out)


def busy_pdf(pages=5000):
    """Every page shares one content stream of ~2 million tokens, just under pypdf's own limit.

    Under 1 MB; pypdf parses the stream again for each page: about 0.15 s a page,
    some 13 minutes for the whole file.
    """
    content = zlib.compress(b"BT /F1 1 Tf\n" + b"1 0 0 1 0 0 Tm\n" * 280_000 + b"ET\n", 9)
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids ["
        + b" ".join(b"%d 0 R" % (5 + n) for n in range(pages))
        + b"] /Count %d >>" % pages,
        3: b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream",
        4: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    }
    for n in range(pages):
        objects[5 + n] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 4 0 R >> >> /Contents 3 0 R >>"
        )
    return raw_pdf(objects)


def heavy_pdf():
    """A page whose content stream inflates to 70 MB (under pypdf's own 75 MB limit): 70 KB on disk."""
    content = zlib.compress(b"\n" * 70_000_000, 9)
    return raw_pdf(
        {
            1: b"<< /Type /Catalog /Pages 2 0 R >>",
            2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
            b"/Contents 5 0 R >>",
            4: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            5: b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream",
        }
    )


def deep_pdf(depth=50_000):
    """A page tree 50,000 levels deep (recursion)."""
    objects = {1: b"<< /Type /Catalog /Pages 2 0 R >>"}
    for level in range(depth):
        objects[2 + level] = b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % (3 + level)
    objects[2 + depth] = b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 10 10] >>" % (1 + depth)
    return raw_pdf(objects)


# Measuring


class Peak:
    """Wall time and the growth of this process's peak resident memory (Linux) over a block."""

    def __enter__(self):
        self.baseline = None
        try:
            Path("/proc/self/clear_refs").write_text("5")  # resets VmHWM to the current RSS
            self.baseline = self._status("VmRSS")
        except OSError:
            pass
        self.started = time.monotonic()
        return self

    def __exit__(self, *exc):
        self.seconds = time.monotonic() - self.started
        self.grown_mb = None if self.baseline is None else (self._status("VmHWM") - self.baseline) / 1024

    @staticmethod
    def _status(field):
        return int(re.search(rf"{field}:\s+(\d+)", Path("/proc/self/status").read_text()).group(1))


@pytest.fixture
def formatore(make_user):
    return make_user("Formatori")


@pytest.fixture
def formatore_client(client, formatore):
    cache.clear()
    client.force_login(formatore)
    return client


def upload(client, name, data, title="Scheda del laboratorio"):
    return client.post(
        reverse("wagtaildocs:add"),
        {"title": title, "file": SimpleUploadedFile(name, data), "collection": Collection.get_first_root_node().pk},
    )


def page_text(response):
    from html import unescape

    return unescape(response.content.decode())


def assert_saved_without_text_and_told(client, response, title="Scheda del laboratorio"):
    assert response.status_code == 302, page_text(response)[:2000]
    document = ResourceDocument.objects.get(title=title)
    assert document.extracted_text == ""
    assert document.extracted_from_hash == document.file_hash  # not tried again at every save
    html = page_text(client.get(response["Location"]))
    assert f"Il documento «{title}» è stato caricato" in html and NOT_SEARCHABLE in html
    return document


# Zip bombs and archives that lie


def test_a_zip_bomb_docx_is_saved_without_text_in_a_moment(formatore_client):
    data = docx_bomb(190)  # the reviewer's file: ~600 KB inflating to 190 MB of XML
    assert len(data) < 1 * MiB
    with Peak() as peak:
        response = upload(formatore_client, "bomba.docx", data)
    assert_saved_without_text_and_told(formatore_client, response)
    assert peak.seconds < 5
    if peak.grown_mb is not None:
        assert peak.grown_mb < 100


def test_a_zip_bomb_is_stopped_by_the_central_directory_without_a_child_process(monkeypatch):
    monkeypatch.setattr("resources.text_extraction._run_child", lambda *a: pytest.fail("child process started"))
    result = extract_text(io.BytesIO(docx_bomb(190)), "bomba.docx")
    assert result == "" and result.status == TOO_LARGE and "word/document.xml" in result.detail


def test_an_archive_inflating_beyond_200_mb_is_refused_with_a_clear_message(formatore_client):
    with Peak() as peak:
        response = upload(formatore_client, "bomba.docx", docx_bomb(260))
    assert response.status_code == 200
    html = page_text(response)
    assert "una volta aperto occuperebbe più di 200,0\xa0MB" in html
    assert "archivio compresso" not in html
    assert not ResourceDocument.objects.exists()
    assert peak.seconds < 5


@pytest.mark.parametrize("lie", ["both headers", "central directory only"])
def test_an_archive_whose_headers_lie_about_sizes_is_read_no_further_than_declared(formatore_client, lie):
    # The headers say 2 KB; the data inflates to 190 MB.
    overrides = {"declared_size": 2048} if lie == "both headers" else {"declared_size": 2048, "local_size": 0}
    data = docx_bomb(190, **overrides)
    with Peak() as peak:
        result = extract_text(io.BytesIO(data), "bugiardo.docx")
        response = upload(formatore_client, "bugiardo.docx", data)
    assert result == "" and result.status == DAMAGED
    document = assert_saved_without_text_and_told(formatore_client, response)
    assert document.pk
    assert peak.seconds < 8
    if peak.grown_mb is not None:
        assert peak.grown_mb < 100


@pytest.mark.parametrize("lie", [False, True])
def test_an_archive_of_60000_entries_is_refused_before_its_directory_is_parsed(formatore_client, lie):
    # ``lie``: the end record says 20 entries; the directory that follows lists 60,000.
    data = many_entries_docx(60_000, entry_count=20 if lie else None)
    with Peak() as peak:
        response = upload(formatore_client, "parti.docx", data)
    assert response.status_code == 200
    assert "oppure è fatto di più di 5.000 parti" in page_text(response)
    assert not ResourceDocument.objects.exists()
    assert peak.seconds < 5
    if peak.grown_mb is not None:
        assert peak.grown_mb < 60


def test_zips_nested_inside_a_docx_are_never_opened(formatore_client):
    with Peak() as peak:
        response = upload(formatore_client, "annidato.docx", nested_zip_docx())
    assert response.status_code == 302
    assert "Testo della scheda" in ResourceDocument.objects.get().extracted_text
    assert peak.seconds < 5


def test_an_entity_expansion_bomb_yields_no_text_quickly():
    started = time.monotonic()
    result = extract_text(io.BytesIO(entity_bomb_docx()), "risate.docx")
    assert result == "" and result.status == DAMAGED
    assert time.monotonic() - started < 5


def test_the_text_kept_is_capped():
    long_paragraph = "parola " * 100_000  # 700,000 characters
    result = extract_text(io.BytesIO(docx_bytes("Lungo", [long_paragraph] * 2)), "lungo.docx")
    assert result.status == OK and len(result) == MAX_CHARS


def test_odt_and_docx_text_still_comes_out_with_accents_and_paragraphs():
    for extension, writer in (("docx", docx_bytes), ("odt", odt_bytes)):
        result = extract_text(io.BytesIO(writer("Titolo", ["Città e perché", "Secondo  paragrafo"])), f"x.{extension}")
        assert result.status == OK
        assert str(result) == "Titolo\nCittà e perché\nSecondo paragrafo"


# PDFs


@override_settings(DOCUMENT_TEXT_TIMEOUT=2)
def test_a_pdf_that_keeps_pypdf_busy_is_saved_without_text_within_the_time_budget(formatore_client):
    data = busy_pdf()
    assert len(data) < 1 * MiB
    with Peak() as peak:
        response = upload(formatore_client, "lento.pdf", data)
    assert_saved_without_text_and_told(formatore_client, response)
    # One child process for validation and saving together (its verdict is remembered).
    assert peak.seconds < 2 + 8
    if peak.grown_mb is not None:
        assert peak.grown_mb < 100


def test_the_child_process_stops_at_its_memory_limit():
    data = heavy_pdf()
    result = extract_text(io.BytesIO(data), "pesante.pdf", timeout=60, memory_limit=120 * MiB)
    assert result == "" and result.status == MEMORY
    assert extract_text(io.BytesIO(data), "pesante.pdf", timeout=60, memory_limit=1024 * MiB).status == OK


def test_a_pdf_with_a_page_tree_50000_levels_deep_is_refused_as_damaged(formatore_client):
    with Peak() as peak:
        response = upload(formatore_client, "profondo.pdf", deep_pdf())
    assert response.status_code == 200
    assert "è danneggiato e non si può aprire" in page_text(response)
    assert peak.seconds < 8


def test_validation_and_saving_read_a_pdf_once(formatore_client, monkeypatch):
    from resources import text_extraction

    calls = []
    real = text_extraction._run_child
    monkeypatch.setattr(text_extraction, "_run_child", lambda *args: calls.append(args) or real(*args))
    data = pdf_bytes("Una volta", ["Testo letto una volta sola, pergamena."])
    assert upload(formatore_client, "una-volta.pdf", data).status_code == 302
    assert "pergamena" in ResourceDocument.objects.get().extracted_text
    assert len(calls) == 1


# When extraction is slow: a worker, if there is one


# django-tasks' dummy backend keeps what is enqueued, as a queue read by a worker would.
TASKS_WITH_A_WORKER = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@override_settings(DOCUMENT_TEXT_TIMEOUT=0.001)
def test_without_a_worker_a_slow_file_stays_without_text_and_nothing_is_enqueued(
    formatore_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = upload(formatore_client, "scheda.pdf", pdf_bytes("Scheda", ["pergamena"]))
    assert_saved_without_text_and_told(formatore_client, response)
    # The page cache's generation is renewed after any document is saved; nothing else waits for the commit.
    assert [c for c in callbacks if c is not page_cache_generation.bump] == []


@override_settings(DOCUMENT_TEXT_TIMEOUT=0.001, DOCUMENT_TEXT_BACKGROUND_TIMEOUT=60)
def test_with_a_worker_a_slow_file_is_read_off_the_request(formatore_client, django_capture_on_commit_callbacks):
    from django_tasks import default_task_backend

    from resources.models.documents import extract_text_in_background

    with override_settings(TASKS=TASKS_WITH_A_WORKER):
        with django_capture_on_commit_callbacks(execute=True):
            response = upload(formatore_client, "scheda.pdf", pdf_bytes("Scheda", ["pergamena"]))
        queued = [r for r in default_task_backend.results if r.task.func is extract_text_in_background.func]
    assert response.status_code == 302
    document = ResourceDocument.objects.get()
    assert document.extracted_text == ""
    assert "sarà cercabile tra qualche minuto" in page_text(formatore_client.get(response["Location"]))
    [task] = queued
    assert task.args == [document.pk, document.file_hash]

    extract_text_in_background.call(*task.args)  # what the worker does, with its longer budget
    document.refresh_from_db()
    assert "pergamena" in document.extracted_text
    assert list(ResourceDocument.objects.search("pergamena")) == [document]


def test_a_file_saved_outside_the_admin_within_limits_keeps_its_text(formatore):
    document = ResourceDocument(title="Dal comando", uploaded_by_user=formatore)
    document.file.save("dal-comando.docx", ContentFile(docx_bytes("Dal comando", ["pergamena"])), save=False)
    document.save()
    assert "pergamena" in document.extracted_text


def test_validate_document_file_and_save_without_the_admin(formatore):
    data = docx_bomb(190)
    upload_file = SimpleUploadedFile("bomba.docx", data)
    started = time.monotonic()
    validate_document_file(upload_file, "bomba.docx")
    document = ResourceDocument(title="Bomba", uploaded_by_user=formatore)
    document.file.save("bomba.docx", ContentFile(data), save=False)
    document.save()
    assert time.monotonic() - started < 5
    assert document.extracted_text == ""
    [notice] = pop_upload_notices(formatore)
    assert "«Bomba»" in notice and NOT_SEARCHABLE in notice


# A file over the size limit: one message, about its size


@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=2048)
@pytest.mark.parametrize("view", ["add", "chooser", "multiple"])
def test_an_oversized_file_gets_one_message_about_its_size(formatore_client, view):
    data = pdf_bytes("Grande", ["Testo."]) + b"\n%" + b"x" * 4096
    collection = Collection.get_first_root_node().pk
    if view == "add":
        response = upload(formatore_client, "grande.pdf", data)
        text = page_text(response)
    elif view == "chooser":
        response = formatore_client.post(
            reverse("wagtaildocs_chooser:create"),
            {
                "document-chooser-upload-title": "Grande",
                "document-chooser-upload-file": SimpleUploadedFile("grande.pdf", data),
                "document-chooser-upload-collection": collection,
            },
        )
        text = response.json()["htmlFragment"]
    else:
        response = formatore_client.post(
            reverse("wagtaildocs:add_multiple"),
            {"files[]": SimpleUploadedFile("grande.pdf", data), "collection": collection},
        )
        text = response.json()["error_message"]
    assert response.status_code == 200
    assert "troppo grande" in text and "2,0\xa0KB" in text
    assert "estensione" not in text
    assert not ResourceDocument.objects.exists()
