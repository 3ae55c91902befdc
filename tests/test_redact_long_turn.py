"""A long turn is redacted as its pieces are: the engine reads only what is near each name
(public terms, sentence openings, the words before a place), so a name goes the same way
whatever comes before or after it in a turn of thousands of characters. (How fast: see
benchmarks/long_turn.py; no timing here.)

Every person, workplace and place here is invented; public bodies and companies are real.
"""

from __future__ import annotations

from test_public_terms import engine  # noqa: F401 - the module's fixture

# Names, public terms beside them, a full stop after a company, a compass word before a
# place, a rating, a title: each kept or redacted by what is near it.
PIECE = ("Orla Fenwright rang me from Quillmere Care Ltd. Nobody else did. Typical DWP. "
         "We went to Aldi. Pret for lunch after, then up to south Brindleford. "
         "The Costa coffee was cold and Dr. Hask said the CQC rated us Good. "
         "My supervisor Tamsin Orrow left for Larkhollow Counselling Service in west Yorkshire. ")


def redacted(engine, text: str) -> str:
    result = engine.redact({"q": text}, {}, [])
    engine.seal(result)
    return result.texts["q"]


def test_a_long_turn_is_redacted_as_its_pieces(engine):
    piece = redacted(engine, PIECE)
    for gone in ("Fenwright", "Quillmere", "Brindleford", "Hask", "Orrow", "Larkhollow"):
        assert gone not in piece
    for kept in ("Typical DWP", "Aldi. Pret for lunch", "Costa coffee", "CQC rated us Good"):
        assert kept in piece
    # Forty times over (12,000 characters): the same people are the same pseudonyms throughout.
    assert redacted(engine, PIECE * 40) == piece * 40
