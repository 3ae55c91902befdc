"""Who asks: interviewers and hosts, whose turns are questions rather than testimony.

One notion for the codebook (``Codebook.is_coded``: those turns are not tagged nor coded by
hand) and the search (they rank after participants' turns). Imports nothing: the search
loads it at every start.
"""

from __future__ import annotations

# Whose turns are questions rather than testimony: interviewers and hosts. The packaged
# codebook's uncoded_speakers (not tagged, not coded by hand) and the search's ranking
# (participants' turns first, on the published site too, which has no codebook) are these.
ASKER_ROLES = frozenset({"interviewer", "int", "i", "iv", "q", "facilitator", "moderator", "researcher", "host",
                         "co-host", "cohost", "presenter", "chair"})
# Words before a role that keep it the same role: "Guest host", "Lead interviewer".
ROLE_MODIFIERS = {"guest", "lead", "main", "second", "assistant"}
# Words after which a description names what the role is of: "Host of the ... podcast".
ROLE_LINKS = {"of", "at", "for", "on", "with", "from", "in", "and"}


def asks(speaker_names, roles=ASKER_ROLES) -> bool:
    """Whether these are an interviewer's or a host's names, whose turns are questions.

    Each name is a label from the transcript ("Q") or the speaker's description. A
    description is read item by item ("Rona Galbraith, host"); an item is the role its
    head word names ("Podcast host", "Host of the Surviving Work podcast", "Guest host").
    ``roles``: the role words, lower case (a codebook's uncoded_speakers).
    """
    for name in speaker_names:
        for item in str(name or "").lower().split(","):
            words = item.replace("-", " - ").split()
            if not words:
                continue
            if " ".join(words) in roles:
                return True
            head = next((i for i, w in enumerate(words) if w in ROLE_LINKS), len(words))
            phrase = words[:head]
            while len(phrase) > 1 and phrase[0] in ROLE_MODIFIERS:
                phrase = phrase[1:]
            while len(phrase) > 1 and (phrase[-1].isdigit() or len(phrase[-1]) == 1):
                phrase = phrase[:-1]  # "Researcher 2", "Interviewer B"
            if phrase and (" ".join(phrase) in roles or phrase[-1] in roles and len(phrase) <= 3
                           and phrase[-1] not in {"i", "q", "int"}):
                return True
    return False
