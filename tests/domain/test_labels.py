"""Labels are what a redacted report shows instead of names: they must never move."""

from __future__ import annotations

import pytest

from incident_log.domain.labels import author_labels, letters, person_labels, role_label


@pytest.mark.parametrize(
    ("n", "expected"),
    [(1, "A"), (2, "B"), (26, "Z"), (27, "AA"), (28, "AB"), (52, "AZ"), (53, "BA"), (702, "ZZ"), (703, "AAA")],
)
def test_letters_continue_after_z_like_spreadsheet_columns(n: int, expected: str) -> None:
    assert letters(n) == expected


def test_letters_refuse_zero() -> None:
    with pytest.raises(ValueError):
        letters(0)


@pytest.mark.parametrize(
    ("role", "n", "expected"),
    [
        ("subject", 1, "Subject A"),
        ("subject", 27, "Subject AA"),
        ("hostage", 1, "Hostage 1"),
        ("negotiator", 2, "Negotiator 2"),
        ("family", 1, "Family 1"),
        ("witness", 3, "Witness 3"),
        ("intermediary", 1, "Intermediary 1"),
        ("commander", 1, "Commander 1"),
        ("other", 1, "Person 1"),
        ("something new", 1, "Person 1"),
    ],
)
def test_role_label(role: str, n: int, expected: str) -> None:
    assert role_label(role, n) == expected


def test_person_labels_count_per_role_in_registration_order() -> None:
    labels = person_labels(
        [("s1", "subject"), ("h1", "hostage"), ("s2", "subject"), ("h2", "hostage"), ("x", "other"), ("n1", "negotiator")]
    )
    assert labels == {
        "s1": "Subject A",
        "h1": "Hostage 1",
        "s2": "Subject B",
        "h2": "Hostage 2",
        "x": "Person 1",
        "n1": "Negotiator 1",
    }


def test_twenty_seventh_subject_is_subject_aa() -> None:
    labels = person_labels([(f"s{i}", "subject") for i in range(1, 29)])
    assert labels["s26"] == "Subject Z"
    assert labels["s27"] == "Subject AA"
    assert labels["s28"] == "Subject AB"


def test_a_key_registered_twice_keeps_its_first_label() -> None:
    labels = person_labels([("s1", "subject"), ("s1", "hostage"), ("h1", "hostage")])
    assert labels == {"s1": "Subject A", "h1": "Hostage 1"}


def test_author_labels_in_order_of_first_entry() -> None:
    assert author_labels(["Bravo 7", "Alpha 2", "Bravo 7", "Charlie", "Alpha 2"]) == {
        "Bravo 7": "Loggist 1",
        "Alpha 2": "Loggist 2",
        "Charlie": "Loggist 3",
    }


def test_labels_survive_amendment_of_role_and_later_registrations(log) -> None:
    witness = log.person("w1", "witness", "Paula Serrano")
    log.person("s1", "subject", "Tomás Ibarra")
    # The witness turns out to be the subject's sister: the role is corrected, the label is not.
    log.amend(witness.seq, reason="she is his sister", role="family", name="Paula Ibarra")
    log.person("f2", "family", "Lucía Ibarra")
    log.person("w2", "witness", "Ana Gil")
    state = log.fold()
    by_key = {p.key: p for p in state.people}
    assert by_key["w1"].label == "Witness 1"
    assert by_key["w1"].role == "family"
    assert by_key["w1"].name == "Paula Ibarra"
    assert by_key["s1"].label == "Subject A"
    # The corrected person never took a family number, and the next witness is Witness 2.
    assert by_key["f2"].label == "Family 1"
    assert by_key["w2"].label == "Witness 2"
    # Adding more entries never relabels anyone.
    before = {p.key: p.label for p in state.people}
    log.person("s2", "subject", "Second")
    log.amend(by_key["s1"].seq, reason="role", role="hostage")
    after = {p.key: p.label for p in log.fold().people}
    assert {k: after[k] for k in before} == before
    assert after["s2"] == "Subject B"


def test_state_authors_feed_author_labels(log) -> None:
    log.add("note", "a", author="Zulu")
    log.add("note", "b", author="Alpha")
    log.add("note", "c", author="Zulu")
    state = log.fold()
    assert state.authors == ("Zulu", "Alpha")
    assert author_labels(state.authors) == {"Zulu": "Loggist 1", "Alpha": "Loggist 2"}
