"""Certificate commands (志愿服务证明): ``certificate issue|show|verify`` and
``verify-certificate``.

``issue`` records a certificate and prints it; ``show`` prints one issued before; both
print text (the default), JSON, a page (HTML) or a PDF (``--format pdf -o FILE``), and with
``--sign-key-file`` (the station's Ed25519 key, ``keygen signing``) they carry the signed
payload (a QR code on the PDF) that anyone can check offline. ``verify NO CODE`` checks a
certificate against the store; ``verify --offline PAYLOAD --public-key KEY`` checks a
payload with the station's published public key and no store at all. ``verify-certificate``
is the same check under its own name.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from sgz_ledger.audit.certificate_signature import key_id, verify_certificate_payload
from sgz_ledger.audit.publication import public_key_pem
from sgz_ledger.cli.common import (
    EXIT_FINDING,
    EXIT_OK,
    UsageError,
    business_date,
    date_arg,
    open_ledger,
    path_arg,
    read_text_file,
    text_arg,
    who_and_when_arguments,
)
from sgz_ledger.domain.errors import InvalidInput
from sgz_ledger.ledger import Ledger
from sgz_ledger.render.certificate_pdf import (
    CjkFontMissing,
    PdfLibraryMissing,
    certificate_pdf,
    find_cjk_font,
    require_pdf_libraries,
)
from sgz_ledger.render.certificates import certificate_html, certificate_json, certificate_text
from sgz_ledger.render.layout import json_text
from sgz_ledger.reports.certificates import Certificate

__all__ = ["register"]

_FORMATS = ("text", "json", "html", "pdf")


def _holder(ledger: Ledger, certificate_no: str, volunteer: str | None) -> str:
    """The volunteer holding ``certificate_no`` (the one named, or the only holder)."""
    if volunteer is not None:
        return volunteer
    holders = ledger.certificate_holders(certificate_no)
    if not holders:
        raise UsageError(
            "no_certificate_in_store",
            certificate_no=certificate_no,
            store=ledger.settings.describe(),
        )
    if len(holders) > 1:
        raise UsageError(
            "certificate_held_by_several", certificate_no=certificate_no, holders=holders
        )
    return holders[0]


def _signed(
    ledger: Ledger, args: argparse.Namespace, cert: Certificate, volunteer: str
) -> tuple[str, str]:
    """The signed payload and the signing key's id, or ``("", "")`` without a key file."""
    if args.sign_key_file is None:
        return "", ""
    private = read_text_file(args.sign_key_file, "signing_key")
    try:
        payload = ledger.certificate_payload(
            cert.certificate_no, volunteer, signing_key=private, disclose_name=not args.mask_name
        )
        # The id printed is the public half's; the private key itself is never printed.
        return payload, key_id(public_key_pem(private))
    except InvalidInput as e:
        raise UsageError("file_refused", path=args.sign_key_file, error=e) from None


def _write(args: argparse.Namespace, content: str | bytes) -> None:
    if args.output in (None, "-"):
        if isinstance(content, bytes):
            raise UsageError("pdf_needs_file")
        print(content, end="" if content.endswith("\n") else "\n")
        return
    try:
        if isinstance(content, bytes):
            Path(args.output).write_bytes(content)
        else:
            Path(args.output).write_text(content, encoding="utf-8")
    except OSError as e:
        raise UsageError("cannot_write", path=args.output, detail=e.strerror or str(e)) from None
    print(f"写入 written: {args.output}", file=sys.stderr)


def _print(ledger: Ledger, args: argparse.Namespace, certificate_no: str, volunteer: str) -> None:
    cert = ledger.certificate(certificate_no, volunteer, disclose_name=not args.mask_name)
    payload, signer = _signed(ledger, args, cert, volunteer)
    if args.format == "pdf":
        try:
            font = find_cjk_font(args.font)
            _write(args, certificate_pdf(cert, font, payload=payload, key_id=signer))
        except (CjkFontMissing, PdfLibraryMissing) as e:
            raise UsageError("pdf_unavailable", detail=str(e)) from None
    elif args.format == "json":
        _write(args, certificate_json(cert))
    elif args.format == "html":
        _write(args, certificate_html(cert))
    else:
        _write(args, certificate_text(cert, payload=payload, key_id=signer))


def _check_output(args: argparse.Namespace) -> None:
    """Refuse what cannot be printed before anything is recorded: an issue whose PDF cannot
    be made, or whose key cannot sign, would leave a certificate recorded and nothing in hand."""
    if args.sign_key_file is not None:
        if args.format not in ("text", "pdf"):
            raise UsageError("sign_key_with_format")
        try:
            public_key_pem(read_text_file(args.sign_key_file, "signing_key"))
        except InvalidInput as e:
            raise UsageError("file_refused", path=args.sign_key_file, error=e) from None
    if args.format == "pdf":
        if args.output in (None, "-"):
            raise UsageError("pdf_needs_file")
        try:
            require_pdf_libraries()
            find_cjk_font(args.font)
        except (CjkFontMissing, PdfLibraryMissing) as e:
            raise UsageError("pdf_unavailable", detail=str(e)) from None


def _cmd_issue(args: argparse.Namespace) -> int:
    _check_output(args)
    with open_ledger(args, write=True) as ledger:
        ledger.issue_certificate(
            volunteer_id=args.volunteer,
            certificate_no=args.number,
            period_from=args.from_day,
            period_to=args.to_day,
            issuing_station=args.issuing_unit,
            actor=args.entered_by,
            occurred_on=business_date(args),
        )
        _print(ledger, args, args.number, args.volunteer)
    return EXIT_OK


def _cmd_show(args: argparse.Namespace) -> int:
    _check_output(args)
    with open_ledger(args) as ledger:
        _print(ledger, args, args.number, _holder(ledger, args.number, args.volunteer))
    return EXIT_OK


def _public_key_text(given: str) -> str:
    """``--public-key``: a file holding the key (PEM or base64), or the base64 text itself."""
    if "\x00" not in given and Path(given).is_file():
        return read_text_file(given, "public_key")
    return given


def _cmd_verify(args: argparse.Namespace) -> int:
    if args.offline is not None:
        if args.certificate_no is not None or args.code is not None:
            raise UsageError("offline_without_number")
        if args.public_key is None:
            raise UsageError("offline_needs_key")
        result = verify_certificate_payload(args.offline, _public_key_text(args.public_key))
        print(json_text(result) if args.json else result.message)
        return EXIT_OK if result.ok else EXIT_FINDING
    if args.certificate_no is None or args.code is None:
        raise UsageError("certificate_number_and_code")
    if args.public_key is not None:
        raise UsageError("public_key_with_offline")
    with open_ledger(args) as ledger:
        found = ledger.verify_certificate(args.certificate_no, args.code)
        print(json_text(found) if args.json else found.message)
    return EXIT_OK if found.ok else EXIT_FINDING


_VERIFY_DESCRIPTION = (
    "Check a certificate against the store from its number and code (valid, revoked, "
    "changed since issue, or not ours), or, with --offline, check the payload of its QR code "
    "with the station's published public key and no store (valid: the station signed exactly "
    "these figures). Exit 0 valid, 1 not valid, 2 bad input (a payload cut short, a key "
    "that is not one)."
)


def _verify_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "certificate_no", nargs="?", type=text_arg, metavar="NO", help="the certificate number"
    )
    parser.add_argument("code", nargs="?", metavar="CODE", help="the verification code on it")
    parser.add_argument(
        "--offline", metavar="PAYLOAD", help="the payload of the certificate's QR code"
    )
    parser.add_argument(
        "--public-key",
        "--public-key-file",
        dest="public_key",
        type=path_arg,
        metavar="KEY",
        help="the station's published public key: a file (PEM, keygen signing's FILE.pub) or "
        "its 32 bytes in base64",
    )
    parser.add_argument("--json", action="store_true", help="print the verification as JSON")
    parser.set_defaults(handler=_cmd_verify)


def _output_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format", choices=_FORMATS, default="text", help="text (default), json, html or pdf"
    )
    parser.add_argument(
        "-o", "--output", type=path_arg, metavar="FILE", help="write it here (a PDF needs one)"
    )
    parser.add_argument(
        "--sign-key-file",
        type=path_arg,
        metavar="FILE",
        help="the station's Ed25519 signing key (keygen signing): adds the signed payload "
        "(a QR code on the PDF) that anyone can check offline with its public key",
    )
    parser.add_argument(
        "--font",
        type=path_arg,
        metavar="PATH",
        help="a CJK .ttf/.ttc font for the PDF (default: the first found of the usual "
        "places, e.g. fonts-wqy-microhei's)",
    )
    parser.add_argument(
        "--mask-name",
        action="store_true",
        help="print the name masked (张*) even where the volunteer consented to its showing",
    )


def register(commands: Any, store_after: argparse.ArgumentParser) -> None:
    """Add ``certificate`` and ``verify-certificate`` to the ``sgz-ledger`` parser."""
    certificate = commands.add_parser(
        "certificate",
        parents=[store_after],
        help="issue, show or verify a volunteer service certificate (志愿服务证明)",
        description="Issue a numbered certificate of a volunteer's counted service in a "
        "period, print one issued before (text, JSON, HTML or PDF; free of charge; a "
        "certificate may not be forged: rule 54), or check one.",
    )
    actions = certificate.add_subparsers(dest="action", metavar="ACTION", required=True)

    issue = actions.add_parser(
        "issue",
        parents=[store_after],
        help="record a certificate and print it",
        description="Record a certificate of the volunteer's approved, counted service in the "
        "period, then print it. Issuing the same number again with the same fields records "
        "nothing and prints it again. Exit 0 done, 2 refused or bad input.",
    )
    issue.add_argument("--volunteer", required=True, type=text_arg, metavar="ID")
    issue.add_argument(
        "--number", required=True, type=text_arg, metavar="NO", help="the certificate's number"
    )
    issue.add_argument(
        "--from", dest="from_day", required=True, type=date_arg, metavar="YYYY-MM-DD"
    )
    issue.add_argument("--to", dest="to_day", required=True, type=date_arg, metavar="YYYY-MM-DD")
    issue.add_argument(
        "--issuing-unit",
        required=True,
        type=text_arg,
        metavar="TEXT",
        help="the issuing unit (出具单位) as printed",
    )
    _output_arguments(issue)
    who_and_when_arguments(issue, who="who issues it (出具人)", when="the date of issue")
    issue.set_defaults(handler=_cmd_issue)

    show = actions.add_parser(
        "show",
        parents=[store_after],
        help="print a certificate issued before",
        description="Print a certificate as it was issued (records and seconds counted then). "
        "Works on a read-only store. Exit 0 done, 2 unknown or bad input.",
    )
    show.add_argument("number", type=text_arg, metavar="NO", help="the certificate's number")
    show.add_argument(
        "--volunteer", type=text_arg, metavar="ID", help="its holder (found from the number)"
    )
    _output_arguments(show)
    show.set_defaults(handler=_cmd_show)

    verify = actions.add_parser(
        "verify",
        parents=[store_after],
        help="check a certificate: NO CODE against the store, or --offline PAYLOAD",
        description=_VERIFY_DESCRIPTION,
    )
    _verify_arguments(verify)

    legacy = commands.add_parser(
        "verify-certificate",
        parents=[store_after],
        help="check a volunteer service certificate (志愿服务证明) from its number and code, "
        "or its QR payload offline",
        description=_VERIFY_DESCRIPTION,
    )
    _verify_arguments(legacy)
