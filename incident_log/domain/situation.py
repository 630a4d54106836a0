"""The situation summary: the position paper the negotiation coordinator hands the commander.

Who is on the phone and for how long, the open demands and their deadlines, the offers the cell
owes, the last contact, the live risks, hooks and triggers, the decisions since the last summary,
then the coordinator's own assessment and recommendations (recorded as an ``assessment`` entry).

``situation()`` is pure and names nothing itself: people go through ``name(key)`` and free text
through ``text(value)``. On screen those show labels with names; in a redacted PDF they are the
report's redaction door (``report.content.Scrub``), so the summary can never print a name the
report would have hidden. Long lists are cut (with how many more) so the paper stays within two
pages whatever the incident holds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from incident_log.domain.state import IncidentState
from incident_log.i18n import N_, Translator, translator
from incident_log.i18n.vocabulary import DEMAND_STATUS, choice_group

MAX_ITEMS = 6  # per section: the rest is counted, and is in the debrief report
MAX_ITEM_CHARS = 220

Namer = Callable[[str | None], str]
Texter = Callable[[object], str]
Clock = Callable[[datetime | None], str]


@dataclass(frozen=True, slots=True)
class Section:
    title: str
    lines: tuple[str, ...]
    empty: str = ""  # said when there are no lines ("None open")
    more: int = 0  # items left out to keep to two pages


@dataclass(frozen=True, slots=True)
class SituationSummary:
    ref: str
    title: str
    as_of: datetime
    through: int  # the last entry the summary covers
    since: int  # decisions after this entry (the previous summary's "through"; 0: from the start)
    sections: tuple[Section, ...]
    assessment: str = ""
    prepared_by: str = ""
    sealed: bool = False


# Every sentence of the summary, as a template marked for the catalogue (``words(T_...)`` in the
# summary's language), and the summary's own wording (``furniture``) that the PDF's read-back
# check must not take for a name.
T_MINUTES = N_("{m} min")
T_HOURS = N_("{h} h {m:02d} min")
T_ON_PHONE = N_("On the phone now: {who}, for {spell} (since {since})")
T_PHONE_TOTAL = N_("{who}: {total} on the phone in all")
T_ROLE = N_("{role}: {who}")
T_DEMAND = N_("#{seq} {who}: {what}")
T_DUE = N_(" — deadline {clock}, in {span}")
T_PASSED = N_(" — deadline {clock}, PASSED {span} ago")
T_STATUS = N_(" ({status})")
T_OWED = N_("#{seq} to {who}: {what}")
T_CONDITIONS = N_(" (conditions: {conditions})")
T_THE_SUBJECT = N_("the subject")
T_IN_CONTACT = N_("In contact now by {channel} since {at} ({span})")
T_LAST_CONTACT = N_("Last contact: {event} by {channel} at {at}, {span} ago")
T_FIRST_CONTACT = N_("First contact at {at}")
T_RISK = N_("{status} {category}: {what}")
T_ABOUT = N_(" (about {who})")
T_DECISION = N_("#{seq} {at}{by}: {what}")
T_DECIDED_BY = N_(" by {who}")
T_RATIONALE = N_(" — rationale: {why}")
T_MORE = N_("… and {n} more (in the debrief report)")
T_HEADER = N_("Situation summary {ref} — {title}")
T_AS_OF = N_("As of {at}, through entry #{through}")
T_ASSESSMENT = N_("Assessment and recommendations")
SECTIONS = (
    (N_("On the phone and roles"), N_("Nobody on the phone")),
    (N_("Open demands and deadlines"), N_("No open demands")),
    (N_("Offers owed (accepted, not yet delivered)"), N_("Nothing owed")),
    (N_("Contact"), N_("No contact yet")),
    (N_("Live risks"), N_("No live risks")),
    (N_("Hooks (talk about)"), N_("None recorded")),
    (N_("Triggers (avoid)"), N_("None recorded")),
    (N_("Decisions"), N_("None")),
)
DECISIONS_SINCE = N_("Decisions since the last summary")
WORDS = (  # values the summary prints through the vocabulary (statuses, categories, channels, events)
    "open", "partly met", "reported", "rumoured", "confirmed", "weapon", "self-harm", "medical", "other",
    "phone", "face to face", "throw phone", "text", "sign language", "intermediary", "attempt", "start", "end",
    "lost", "primary negotiator", "secondary/coach", "team leader", "loggist", "intelligence", "adviser",
)


# The vocabulary groups whose words the summary prints (WORDS, in the summary's language).
_WORD_GROUPS = (choice_group("status"), choice_group("category"), choice_group("channel"), choice_group("event"),
                choice_group("role"), DEMAND_STATUS)


def furniture(words: Translator | None = None) -> tuple[str, ...]:
    """The summary's own words in its language, placeholders removed: what a leak check must not
    count as a name."""
    import string

    words = words or translator("en")
    templates = [words(v) for k, v in globals().items() if k.startswith("T_") and isinstance(v, str)]
    templates += [words(t) for pair in SECTIONS for t in pair] + [words(DECISIONS_SINCE), *WORDS]
    if words.spanish:
        templates += [words.word(group, w) for w in WORDS for group in _WORD_GROUPS]
        templates += [w.upper() for w in templates[-len(WORDS) * len(_WORD_GROUPS):]]
    out: list[str] = []
    for template in templates:
        out.extend(literal for literal, *_ in string.Formatter().parse(template) if literal and literal.strip())
    return tuple(out)


def _span(seconds: float, words: Translator) -> str:
    total = max(0, int(seconds))
    hours, rest = divmod(total // 60, 60)
    return words(T_HOURS).format(h=hours, m=rest) if hours else words(T_MINUTES).format(m=rest)


def _cut(value: str) -> str:
    one_line = " ".join(value.split())
    return one_line if len(one_line) <= MAX_ITEM_CHARS else one_line[: MAX_ITEM_CHARS - 1] + "…"


def _section(index: int, lines: list[str], words: Translator, title: str | None = None) -> Section:
    default_title, empty = SECTIONS[index]
    return Section(words(title or default_title), tuple(lines[:MAX_ITEMS]), words(empty),
                   max(0, len(lines) - MAX_ITEMS))


def _about(name: Namer, key: str | None, words: Translator) -> str:
    return words(T_ABOUT).format(who=name(key)) if key else ""


def situation(
    state: IncidentState,
    *,
    now: datetime,
    through: int,
    since: int,
    name: Namer,
    text: Texter,
    clock: Clock,
    assessment: str = "",
    prepared_by: str = "",
    words: Translator | None = None,
) -> SituationSummary:
    """Everything the summary says, as lines, in ``words``' language (default English); ``now``
    is frozen at the seal for a sealed incident. Statuses, categories, channels and roles are
    stored in English and printed through the vocabulary."""
    w = words or translator("en")

    def word(group: str, value: str) -> str:
        return w.word(group, value) if w.spanish else value

    sealed_at = state.extra.get("sealed_at")
    if state.sealed and isinstance(sealed_at, datetime):
        now = sealed_at
    roster = state.roster
    phone: list[str] = []
    if roster.on_phone:
        spell = (now - roster.on_phone_since).total_seconds() if roster.on_phone_since else 0
        phone.append(w(T_ON_PHONE).format(who=name(roster.on_phone), spell=_span(spell, w),
                                          since=clock(roster.on_phone_since)))
    totals = dict(roster.phone_seconds)
    if roster.on_phone and roster.on_phone_since and not state.sealed:
        totals[roster.on_phone] = totals.get(roster.on_phone, 0.0) + max(0.0, (now - roster.as_of).total_seconds())
    for key, seconds in sorted(totals.items(), key=lambda kv: -kv[1]):
        phone.append(w(T_PHONE_TOTAL).format(who=name(key), total=_span(seconds, w)))
    for role, key in roster.current.items():
        if role != "primary negotiator":
            shown = word(choice_group("role"), role)
            phone.append(w(T_ROLE).format(role=shown[0].upper() + shown[1:], who=name(key)))

    demands = []
    for demand in state.demands:
        if not demand.is_open:
            continue
        line = w(T_DEMAND).format(seq=demand.seq, who=name(demand.by), what=_cut(text(demand.text)))
        if demand.deadline is not None:
            left = (demand.deadline - now).total_seconds()
            line += w(T_DUE if left >= 0 else T_PASSED).format(clock=clock(demand.deadline), span=_span(abs(left), w))
        if demand.status != "open":
            line += w(T_STATUS).format(status=word(DEMAND_STATUS, demand.status))
        demands.append(line)

    owed = [
        w(T_OWED).format(seq=offer.seq, who=name(offer.to) if offer.to else w(T_THE_SUBJECT), what=_cut(text(offer.text)))
        + (w(T_CONDITIONS).format(conditions=_cut(text(offer.conditions))) if offer.conditions else "")
        for offer in state.offers if offer.owed
    ]

    contact: list[str] = []
    if state.contacts:
        last = state.contacts[-1]
        template = w(T_IN_CONTACT if last.event == "start" else T_LAST_CONTACT)
        channel = word(choice_group("channel"), last.channel) if last.channel else "?"
        contact.append(template.format(channel=channel, event=word(choice_group("event"), last.event),
                                       at=clock(last.at), span=_span((now - last.at).total_seconds(), w)))
    first = state.statistics.first_contact_at
    if first is not None:
        contact.append(w(T_FIRST_CONTACT).format(at=clock(first)))

    grave = ("weapon", "self-harm")

    def confirmed_grave(category: str, status: str) -> bool:
        return category in grave and status == "confirmed"

    live_risks = sorted((r for r in state.risks if r.status != "cleared"),
                        key=lambda r: (not confirmed_grave(r.category, r.status), r.at, r.seq))
    def risk_status(category: str, status: str) -> str:
        shown = word(choice_group("status"), status or "reported")
        return shown.upper() if confirmed_grave(category, status) else shown

    risks = [
        w(T_RISK).format(status=risk_status(r.category, r.status),
                         category=word(choice_group("category"), r.category or "other"), what=_cut(text(r.text)))
        + _about(name, r.about, w)
        for r in live_risks
    ]
    hooks = [_cut(text(h.text)) + _about(name, h.about, w) for h in state.hooks]
    triggers = [_cut(text(t.text)) + _about(name, t.about, w) for t in state.triggers]
    decisions = [
        w(T_DECISION).format(seq=d.seq, at=clock(d.at),
                             by=w(T_DECIDED_BY).format(who=name(d.decided_by)) if d.decided_by else "",
                             what=_cut(text(d.text)))
        + (w(T_RATIONALE).format(why=_cut(text(d.rationale))) if d.rationale else "")
        for d in state.decisions if d.seq > since
    ]

    sections = (
        _section(0, phone, w), _section(1, demands, w), _section(2, owed, w), _section(3, contact, w),
        _section(4, risks, w), _section(5, hooks, w), _section(6, triggers, w),
        _section(7, decisions, w, DECISIONS_SINCE if since else None),
    )
    return SituationSummary(
        ref=text(state.incident.ref), title=text(state.incident.title), as_of=now, through=through, since=since,
        sections=sections, assessment=text(assessment) if assessment else "", prepared_by=prepared_by,
        sealed=state.sealed,
    )


def plain_text(summary: SituationSummary, clock: Clock, words: Translator | None = None) -> str:
    """The summary as plain text (the screen shows it; a test reads it), in ``words``' language."""
    w = words or translator("en")
    out = [w(T_HEADER).format(ref=summary.ref, title=summary.title),
           w(T_AS_OF).format(at=clock(summary.as_of), through=summary.through)]
    for section in summary.sections:
        out.append("")
        out.append(section.title)
        if section.lines:
            out.extend("• " + line for line in section.lines)
        else:
            out.append("  " + section.empty)
        if section.more:
            out.append("  " + w(T_MORE).format(n=section.more))
    if summary.assessment:
        out += ["", w(T_ASSESSMENT), summary.assessment]
    return "\n".join(out)
