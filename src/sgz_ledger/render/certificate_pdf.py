"""A volunteer service certificate (志愿服务证明) as a printable PDF page, with its QR code.

The page says what the text form says (``render.certificates``): number, name, volunteer
id, period, hours, the records with their content and recording unit, the issuing unit,
issuer and date, the verification code, and that it was issued free. With a signed
payload (``audit.certificate_signature``) it also carries a QR code of the payload, so
that anyone can check it offline with the station's public key.

Chinese needs a CJK TrueType font: ``find_cjk_font`` takes the one named (``--font``) or
the first of ``CJK_FONT_PATHS`` that exists; none is a ``CjkFontMissing`` with one
sentence that says what to do. fpdf2 embeds only the glyphs used. The QR code is drawn
from qrcode's module matrix as filled squares, so no imaging library is needed.

fpdf2 and qrcode are the ``certificates`` extra: they are imported when a PDF is made,
so the rest of the package works without them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from sgz_ledger.render.certificates import (
    FREE_LINE,
    OFFLINE_COMMAND,
    RECORD_HEADS,
    TOTAL_NOTE_EN,
    TOTAL_NOTE_ZH,
    certificate_fields,
    clean_line,
    issuer_fields,
    record_cells,
    verify_command,
)
from sgz_ledger.reports.certificates import Certificate

if TYPE_CHECKING:
    from fpdf import FPDF

__all__ = [
    "CJK_FONT_PATHS",
    "CjkFontMissing",
    "PdfLibraryMissing",
    "certificate_pdf",
    "find_cjk_font",
    "qr_matrix",
    "require_pdf_libraries",
]

# Where the usual CJK fonts live on Debian/Ubuntu (fonts-wqy-microhei, fonts-wqy-zenhei,
# fonts-noto-cjk), Fedora, macOS and Windows, in order of preference.
CJK_FONT_PATHS: tuple[str, ...] = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
    "/System/Library/Fonts/PingFang.ttc",
    "/Library/Fonts/Arial Unicode.ttf",
    "C:/Windows/Fonts/msyh.ttc",
    "C:/Windows/Fonts/simsun.ttc",
)
_FONT = "cjk"
# A4 in millimetres, and the page's margins.
_PAGE_W_MM = 210.0
_MARGIN_MM = 15.0
# Big enough for a phone to read a payload of ~300 characters (version 13, 69 modules: about
# 0.65 mm each).
_QR_SIDE_MM = 45.0
# Record table columns (no., date, hours, activity, organiser, content), in mm: 180 wide.
_COLUMN_MM = (10, 22, 18, 38, 38, 54)


class CjkFontMissing(Exception):
    """No CJK font to print Chinese with: the named file is unusable, or none was found."""


class PdfLibraryMissing(Exception):
    """fpdf2 or qrcode is not installed (the ``certificates`` extra)."""


def find_cjk_font(named: str | None = None, *, search: tuple[str, ...] = CJK_FONT_PATHS) -> Path:
    """The CJK font to print with: ``named`` if given (it must exist), else the first of
    ``search`` that exists.

    Raises:
        CjkFontMissing: the named file does not exist or is no TrueType/OpenType font, or
            none of ``search`` exists.
    """
    if named is not None:
        path = Path(named)
        if not path.is_file():
            raise CjkFontMissing(f"the font file {named!r} does not exist")
        if path.suffix.lower() not in (".ttf", ".ttc", ".otf"):
            raise CjkFontMissing(f"{named!r} is not a TrueType or OpenType font (.ttf, .ttc, .otf)")
        return path
    for candidate in search:
        path = Path(candidate)
        if path.is_file():
            return path
    raise CjkFontMissing(
        "no Chinese (CJK) font was found to print the certificate with: install one "
        "(Debian/Ubuntu: apt-get install fonts-wqy-microhei) or name a .ttf/.ttc file with "
        "--font PATH"
    )


def require_pdf_libraries() -> None:
    """Check fpdf2 and qrcode can be imported, before anything depends on them.

    Raises:
        PdfLibraryMissing: one of them is not installed.
    """
    try:
        import fpdf  # noqa: F401
        import qrcode  # noqa: F401
    except ImportError:
        raise PdfLibraryMissing(_MISSING) from None


def qr_matrix(payload: str) -> list[list[bool]]:
    """The QR code of ``payload`` as rows of modules (``True`` dark), with no quiet zone.

    Error correction level M (15 % of the code may be soiled or torn and still read).

    Raises:
        PdfLibraryMissing: qrcode is not installed.
    """
    try:
        import qrcode
        from qrcode.constants import ERROR_CORRECT_M
    except ImportError:
        raise PdfLibraryMissing(_MISSING) from None
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
    code.add_data(payload.encode("ascii"))
    code.make(fit=True)
    return [[bool(m) for m in row] for row in code.get_matrix()]


_MISSING = "making a PDF certificate needs fpdf2 and qrcode: pip install 'sgz-ledger[certificates]'"


def certificate_pdf(cert: Certificate, font: Path, *, payload: str = "", key_id: str = "") -> bytes:
    """The certificate as a PDF (A4), with the QR code of ``payload`` when one is given.

    Raises:
        CjkFontMissing: ``font`` cannot be read as a font.
        PdfLibraryMissing: fpdf2 or qrcode is not installed.
    """
    try:
        from fpdf import FPDF
    except ImportError:
        raise PdfLibraryMissing(_MISSING) from None
    pdf = FPDF(orientation="P", unit="mm", format="A4")
    pdf.set_margins(_MARGIN_MM, _MARGIN_MM, _MARGIN_MM)
    pdf.set_auto_page_break(auto=True, margin=_MARGIN_MM)
    # The same bytes for the same certificate: dated by its issue, not by the clock.
    pdf.set_creation_date(dt.datetime.combine(cert.issued_on, dt.time(0, 0), tzinfo=dt.UTC))
    pdf.set_title(f"志愿服务证明 {clean_line(cert.certificate_no)}")
    pdf.set_creator("sgz-ledger")
    try:
        pdf.add_font(_FONT, "", str(font))
    except Exception as e:
        # fontTools raises its own errors (and others) for a file that is no usable font;
        # whichever, the answer is the same sentence.
        raise CjkFontMissing(f"the font file {str(font)!r} cannot be used: {e}") from None
    pdf.add_page()
    width = _PAGE_W_MM - 2 * _MARGIN_MM

    pdf.set_font(_FONT, size=20)
    pdf.cell(width, 11, "志愿服务证明", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(_FONT, size=10)
    pdf.cell(width, 6, "Volunteer Service Certificate", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    if cert.revoked_on is not None:
        pdf.set_text_color(176, 0, 0)
        pdf.set_font(_FONT, size=12)
        pdf.multi_cell(
            width,
            7,
            f"已撤销 REVOKED on {cert.revoked_on.isoformat()}: {clean_line(cert.revoked_reason)}",
            border=1,
            new_x="LMARGIN",
            new_y="NEXT",
        )
        pdf.set_text_color(0, 0, 0)
        pdf.ln(2)

    _pairs(pdf, certificate_fields(cert), width)
    pdf.ln(2)
    _records(pdf, cert)
    pdf.set_font(_FONT, size=10)
    pdf.cell(
        width,
        6,
        f"合计 Total: {cert.total_hours} 小时 hours ({cert.total_s} s)",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.set_font(_FONT, size=7)
    pdf.multi_cell(width, 4, f"{TOTAL_NOTE_ZH}\n{TOTAL_NOTE_EN}", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)

    text_w = width - (_QR_SIDE_MM + 5 if payload else 0)
    if payload and pdf.get_y() + _QR_SIDE_MM + 25 > pdf.h - _MARGIN_MM:
        pdf.add_page()
    top = pdf.get_y()
    _pairs(pdf, issuer_fields(cert), text_w)
    pdf.set_font(_FONT, size=8)
    pdf.multi_cell(
        text_w, 4.5, f"验证 To verify: {verify_command(cert)}", new_x="LMARGIN", new_y="NEXT"
    )
    if payload:
        pdf.multi_cell(
            text_w,
            4.5,
            f"离线验证 Offline check (station key {key_id}): scan the QR code, then "
            f"{OFFLINE_COMMAND}",
            new_x="LMARGIN",
            new_y="NEXT",
        )
        _qr(pdf, qr_matrix(payload), x=_PAGE_W_MM - _MARGIN_MM - _QR_SIDE_MM, y=top)
        pdf.set_y(max(pdf.get_y(), top + _QR_SIDE_MM + 2))
    pdf.ln(2)
    pdf.multi_cell(width, 4.5, FREE_LINE, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _pairs(pdf: FPDF, pairs: list[tuple[str, str]], width: float) -> None:
    label_w = 48.0
    for label, value in pairs:
        pdf.set_font(_FONT, size=9)
        pdf.cell(label_w, 6.5, label + ":")
        pdf.set_font(_FONT, size=11)
        pdf.multi_cell(width - label_w, 6.5, value, new_x="LMARGIN", new_y="NEXT")


def _records(pdf: FPDF, cert: Certificate) -> None:
    from fpdf.fonts import FontFace

    pdf.set_font(_FONT, size=8)
    heads = tuple(f"{zh} {en}" for zh, en in zip(RECORD_HEADS[0], RECORD_HEADS[1], strict=True))
    with pdf.table(
        col_widths=_COLUMN_MM,
        text_align=("RIGHT", "LEFT", "RIGHT", "LEFT", "LEFT", "LEFT"),
        line_height=4.5,
        first_row_as_headings=True,
        # The CJK font has no bold face: headings stand out by their shading instead.
        headings_style=FontFace(emphasis=None, fill_color=(225, 225, 225)),
    ) as table:
        for cells in (heads, *record_cells(cert)):
            row = table.row()
            for cell in cells:
                row.cell(cell)
    pdf.ln(1)


def _qr(pdf: FPDF, matrix: list[list[bool]], *, x: float, y: float) -> None:
    """Draw the QR code's dark modules as filled squares in a square of ``_QR_SIDE_MM``."""
    size = len(matrix)
    module = _QR_SIDE_MM / size
    pdf.set_fill_color(0, 0, 0)
    for r, row in enumerate(matrix):
        c = 0
        while c < size:
            if not row[c]:
                c += 1
                continue
            # A run of dark modules in a row is one rectangle: fewer, seamless shapes.
            start = c
            while c < size and row[c]:
                c += 1
            pdf.rect(x + start * module, y + r * module, (c - start) * module, module, style="F")
