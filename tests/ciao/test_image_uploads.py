"""A damaged image is refused with a message in the form, never an error page."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "green").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def operatrice_client(client, make_user, home):
    client.force_login(make_user(role="Operatori"))
    return client


def upload(client, data, name="orto.png"):
    return client.post(
        "/admin/images/chooser/create/",
        {
            "image-chooser-upload-title": "Orto",
            "image-chooser-upload-file": SimpleUploadedFile(name, data, "image/png"),
        },
    )


def test_a_png_cut_short_is_refused_with_an_italian_message(operatrice_client):
    damaged = png_bytes()[:60]
    response = upload(operatrice_client, damaged)
    assert response.status_code == 200
    assert "danneggiato" in response.json()["htmlFragment"]


def test_a_good_png_is_uploaded_from_the_chooser(operatrice_client):
    response = upload(operatrice_client, png_bytes())
    assert response.status_code == 200
    assert response.json()["step"] == "chosen"
