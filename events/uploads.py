"""Checks of uploaded documents: a PDF by its content, not its name, and not too large."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_DOCUMENT_SIZE = 10 * 1024 * 1024
PDF_MAGIC = b"%PDF-"


def validate_pdf(upload):
    """Raises ValidationError unless the upload is a PDF of at most MAX_DOCUMENT_SIZE."""
    if upload.size > MAX_DOCUMENT_SIZE:
        raise ValidationError(
            _("This file is larger than %(megabytes)s MB: upload a smaller PDF.")
            % {"megabytes": MAX_DOCUMENT_SIZE // (1024 * 1024)},
            code="too_large",
        )
    upload.seek(0)
    head = upload.read(len(PDF_MAGIC))
    upload.seek(0)
    if head != PDF_MAGIC:
        raise ValidationError(_("This file is not a PDF document. Upload a PDF file."), code="not_pdf")
    return upload
