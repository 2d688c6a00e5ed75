"""The CLI with an encrypted store: ``--cipher-key-file`` before or after the command."""

from __future__ import annotations

from pathlib import Path

import pytest
from eventsourcing.cipher import AESCipher

from sgz_ledger.cli import EXIT_USAGE, main

ROSTER = "志愿者编号,姓名,性别,联系电话,服务队,注册日期\nV1,张三,男,13812345678,红马甲,2024-01-05\n"


def test_an_imported_roster_is_encrypted_and_read_back_with_the_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = str(tmp_path / "station.db")
    key = tmp_path / "station.key"
    key.write_text(AESCipher.create_key(16) + "\n", encoding="utf-8")
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    assert main(["--store", store, "--cipher-key-file", str(key), "import", str(roster)]) == 0
    data = b"".join(p.read_bytes() for p in tmp_path.glob("station.db*"))
    assert b"13812345678" not in data
    assert "张三".encode() not in data
    capsys.readouterr()
    # The key may also follow the command; every query reads the store with it.
    assert main(["report", "--year", "2024", "--store", store, "--cipher-key-file", str(key)]) == 0
    assert "注册志愿者" in capsys.readouterr().out
    # Without the key the store cannot be read: a clear error, not a traceback.
    assert main(["--store", store, "report", "--year", "2024"]) == EXIT_USAGE
    assert "key" in capsys.readouterr().err


def test_a_missing_or_empty_key_file_is_bad_usage(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = str(tmp_path / "station.db")
    assert main(["--store", store, "--cipher-key-file", str(tmp_path / "none"), "demo"]) == 2
    assert "cannot read the cipher key file" in capsys.readouterr().err
    empty = tmp_path / "empty.key"
    empty.write_text("\n", encoding="utf-8")
    assert main(["--store", store, "--cipher-key-file", str(empty), "demo"]) == EXIT_USAGE
    assert "is empty" in capsys.readouterr().err
    assert not Path(store).exists()  # nothing was opened, so nothing was created


def test_a_keyed_store_takes_its_chain_key_before_or_after_any_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from sgz_ledger import Ledger

    store = str(tmp_path / "keyed.db")
    Ledger(store, chain_key="区民政局-链密钥").close()  # a new store, its chain keyed
    chain = tmp_path / "chain.key"
    chain.write_text("区民政局-链密钥\n", encoding="utf-8")
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    # Without the key nothing is recorded; with it, before or after the command, it is.
    assert main(["--store", store, "import", str(roster)]) == EXIT_USAGE
    assert "chain key" in capsys.readouterr().err
    assert main(["--store", store, "--chain-key-file", str(chain), "import", str(roster)]) == 0
    second = tmp_path / "second.csv"
    second.write_text(ROSTER.replace("V1,张三", "V2,李四"), encoding="utf-8")
    assert main(["import", str(second), "--store", store, "--chain-key-file", str(chain)]) == 0
    assert main(["verify", "--store", store, "--chain-key-file", str(chain)]) == 0
