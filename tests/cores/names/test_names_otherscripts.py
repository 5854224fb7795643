"""Other scripts: anyascii romanisation, sound keys, Belarusian readings."""

from __future__ import annotations

import pytest

from safepassage.cores.names import parse_name, token_forms
from safepassage.cores.names.belarusian import belarusian_to_russian
from safepassage.cores.names.otherscripts import romanise_other, sound_key


@pytest.mark.parametrize(
    "word",
    ["Владимир", "Vladimir", "Wladimir", "فلاديمير", "블라디미르", "Βλαντίμιρ", "ウラジーミル"],
)
def test_one_sound_key_across_scripts(word: str) -> None:
    assert sound_key(token_forms(word).text) == "pltml"


def test_sound_keys_keep_different_names_apart() -> None:
    assert sound_key("петров") != sound_key("путин")
    assert sound_key("сергей") != sound_key("алексей")


def test_greek_and_kana_transcription_rules() -> None:
    assert romanise_other("Ντμίτρι") == "dmitri"  # ντ is d
    assert romanise_other("プーチン") == "putin"  # chi stands for ti
    assert romanise_other("ゴルバチョフ").startswith("gorubacho")  # cho stays ч


def test_names_in_other_scripts_split_on_their_middle_dots() -> None:
    assert len(parse_name("ウラジーミル・プーチン").tokens) == 2
    assert len(parse_name("弗拉基米尔·普京").tokens) == 2


def test_other_script_tokens_are_read_as_latin() -> None:
    forms = token_forms("Πούτιν")
    assert forms.script == "other"
    assert forms.readings[0][1].startswith("anyascii")


@pytest.mark.parametrize(
    ("belarusian", "russian"),
    [
        ("уладзімір", "владімір"),
        ("пуцін", "путін"),
        ("лукашэнка", "лукашенко"),
        ("аляксандр", "александр"),
        ("уладзіміравіч", "владімірович"),
    ],
)
def test_belarusian_readings(belarusian: str, russian: str) -> None:
    assert belarusian_to_russian(belarusian) == russian


def test_belarusian_reading_is_an_extra_reading() -> None:
    readings = {c: s for s, c in token_forms("Пуцін").readings}
    assert set(readings) == {"cyrillic", "belarusian"}
