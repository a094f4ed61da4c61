"""Contacts between named people stated in one article: who, when, kind, status, evidence."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from functools import partial
from typing import NamedTuple

from retrieval.contact_candidates import (
    NEWS_AGE_DAYS,
    TITLE,
    UNDONE,
    Candidate,
    counted_told,
    days_before,
    group_of,
    merge_candidates,
    moved_then_held,
    on_day,
    phone_talk,
    rank,
    retelling,
    same_day,
    same_event,
    settle_claims,
    sided,
    split_retold,
    story_days,
    to_record,
    told_apart,
    told_in_full,
    undone_plans,
    wording,
)
from retrieval.contact_clauses import (
    ALLEGED_RE,
    AND_THEN_RE,
    APART_RE,
    BARE_TITLE_RE,
    CIRCUMSTANCE_RE,
    CLAIMED_RE,
    CONTRAST_RE,
    COORDINATED_RE,
    COUNTED_RE,
    DELEGATION_LED_BY_RE,
    DELEGATION_LED_RE,
    DENIED_PUBLICATION_RE,
    DEVELOPING_RE,
    FIRST_AFTER_RE,
    FIRST_PERSON_RE,
    GUEST_RANK,
    NAME_NEXT_RE,
    OWNER_AFTER_RE,
    PLURAL_CUE_RE,
    POSSESSIVE_BEFORE_RE,
    PRECEDED_BY_RE,
    PREVIOUS_RE,
    PRONOUN_RE,
    SUBJECT_NOUN_RE,
    SUBJECT_PRONOUN_RE,
    TRAVEL_RE,
    TRIP_NOUN_RE,
    TRIP_UNDONE_RE,
    WHERE_RE,
    WITH_HIM_RE,
    WITH_PRONOUN_BEFORE_RE,
    WITH_PRONOUN_RE,
    aside,
    bare_title_rank,
    boss_or_kin,
    by_phone,
    dated_partners,
    elaboration,
    gapped_parties,
    host_undone,
    initiator,
    is_earlier,
    late_undoing,
    more_rounds,
    one_per_partner,
    own_relative,
    partner_only,
    rejected_offer,
    trip_undone,
)
from retrieval.contact_dates import (
    AND_RE,
    EVE_OF_RE,
    FIRST_SINCE_RE,
    RELATIVE_GUEST_RE,
    SET_FOR_DAY_RE,
    SET_WORDS,
    SINCE_BEFORE_RE,
    YEAR_IN_TEXT_RE,
    YEAR_TOPIC_RE,
    ahead,
    bare_year,
    contact_date,
    date_heading,
    day_said_before,
    day_since,
    entry_stamps,
    event_ahead,
    last_seen,
    listed_dates,
    one_day,
    participle_spans,
    ranged_month,
    setting,
    stamp_before,
    stated_news_date,
    stated_years,
    told_years,
    year_ahead,
    year_in_sentence,
)
from retrieval.contact_parties import (
    GUEST_AFTER_RE,
    LEAD_SENTENCES,
    TITLE_BREAK_RE,
    TITLED_REACH,
    TOPIC_FOR_RE,
    put_first,
)
from retrieval.contact_story import SERIES_OF_MEETINGS_RE, ContactStory, with_elided_side
from retrieval.cues import (
    AGREED_ABOUT_RE,
    DENIAL_RE,
    DONE_TALK_RE,
    IN_PERSON_SETTING_RE,
    IN_PERSON_TALK_RE,
    LIST_ENTRY_RE,
    NOT_TAKEN_PLACE_RE,
    PARTY_RE,
    RECEIVE_RE,
    REFUSED_RE,
    RESIDENCE_VISIT_RE,
    SIDES_PAIR_RE,
    SPEECH_RE,
    SPOKE_RE,
    blank_asides,
    clause_bounds,
    content_sentences,
    find_cues,
    has_cue,
    held_after_move,
    predicate_status,
    status_of,
)
from retrieval.dates import (
    FIRST_DAY_RE,
    MONTH_WORD,
    SAME_YEAR_RE,
    SINCE_MONTH_RE,
    WEEKDAY_WORD,
    counts_later,
    dateline_city,
    days_earlier,
    find_date_hits,
    parse_dateline,
    told_weekday,
    visit_start,
    with_days_later,
)
from retrieval.groups import BARE_PLURAL_RE, NEARBY_LEADER_WORDS, GroupResolver
from retrieval.lemmas import Lemmatizer, default_lemmatizer
from retrieval.names import fold
from retrieval.people import Found, PersonRegistry
from retrieval.types import ExtractedContact, PartialDate

# statuses of a contact set for a time: planned, or put off or called off
PLANS = frozenset({"planned", "postponed", "cancelled"})
PARTY_REACH = 3  # sentences after a contact that may still list its participants
BOTH_COUNTRIES_RE = re.compile(r"(?<![\w-])(?:двух|обеих|обоих) (?:стран|государств)", re.I)
# "провел серию двусторонних встреч": a series held, its partners may be told next
HELD_BEFORE_RE = re.compile(r"(?<![\w-])провел\w{0,2}\s+$", re.IGNORECASE)
# "С премьер-министром Хорватии X он договорился …": a sentence opening with the partner
SERIES_PARTNER_RE = re.compile(r"\W*Со?\s+")
SERIES_REACH = 6  # sentences after "провел серию встреч" whose undated meetings are of its day
TRIP_UNDONE_REACH = 3  # sentences back where the trip a plan belongs to was called off
# a frame during a contact, not after it ("в ходе переговоров", not "по итогам визита")
DURING_RE = re.compile(r"(?:в ходе|во время|в рамках)\s", re.IGNORECASE)
SET_FOR_RE = re.compile(r"(?<![\w-])на\s", re.IGNORECASE)  # "готовили на апрель"
AFTER_FORUM_RE = re.compile(
    r"(?<![\w-])(?:(?:после|перед|до)\s+(?:завершения|окончания|начала|открытия|закрытия)"
    r"|(?:после|перед|до)\s+(?:завершением|окончанием|началом|открытием|закрытием)"
    r"|накануне\s+(?:открытия|начала))\s+$",
    re.IGNORECASE,
)
# "Это первая личная встреча двух лидеров": the contact just told, again
THIS_EVENT_RE = re.compile(
    r"\W*(?:(?:это|эта|она|они)\s+(?:был\w?\s+|стал\w?\s+|долж\w+\s+был\w?\s+стать\s+)?"
    r"|(?:встреча|беседа|переговоры|разговор)\s+(?:стал\w?|был\w?)\s+)(?:[а-яё]+\s+){0,3}"
    r"(?:встреч|переговор|разговор|бесед|контакт)",
    re.IGNORECASE,
)
# a contact told as part of the same day's story as the one before it
# the cue "за одним столом сидели X, Y и Z" (see cues.py), told by its word
TABLE_CUE_RE = re.compile(r"столом")
DURING_VISIT_RE = re.compile(r"\W*В ходе (?:визита|поездки|пребывания)(?![\w-])")
# "В ходе визита они провели переговоры": a plural subject pronoun
THEY_RE = re.compile(r"(?<![\w-])[Оо]ни(?![\w-])")
# "были намечены встреча с X и переговоры с Y": a schedule, told as such
SCHEDULED_RE = re.compile(
    rf"(?<![\w-])(?:{SET_WORDS}|планиру|предполага|состоится|состоятся|пройд[её]т|пройдут)\w*",
    re.IGNORECASE,
)


JOINT_GAP_RE = re.compile(r"\s+и\s+")  # "X и Y": a joint subject
# "встреча с президентом X": the partner right after the noun
WITH_PARTNER_RE = re.compile(r"\s+(?:с|со)\s")
# "переговоры с американской делегацией": the other side, told as a side
WITH_SIDE_RE = re.compile(
    r"\s+(?:[^.;]{0,40}?\s)?(?:с|со)\s+[а-яё]+ск(?:ой|ими)\s+"
    r"(?:делегаци(?:ей|ями)|стороной|командой|переговорщиками)(?![\w-])"
)
PRONOUN_PARTY_RE = re.compile(r"во?\s+(?:них|ней|нем)\b", re.IGNORECASE)
# a clause that opens with "и" and a verb of the sentence's subject: "… – и провел переговоры"
# ("побывал на заводе компании, которая производит гаубицы, а затем провел переговоры")
AND_VERB_RE = re.compile(
    r"\s*(?:[,–—-]\s*)?(?:и\s+(?:[а-яё]+\s+)?"
    # (not "…, а затем его принял X": a verb of its own subject)
    r"|(?:а затем|а потом|а после этого)\s+(?:(?!(?:его|ее|её|их)\s)[а-яё]+\s+)?)"
    r"[а-яё]+л(?:ся|ась|ись|и|а)?(?![\w-])"
)
# "На кадрах Макрон разговаривает по телефону с X": what a film or a record shows
FOOTAGE_RE = re.compile(r"\W*(?:На (?:кадрах|видео|видеозаписи|записи)|В кадре)(?![\w-])")
SAME_DAY_RE = re.compile(
    r"(?<![\w-])(?:(?:в|на) (?:тот|этот) же (?:день|вечер)|в (?:тот|этот) день"
    r"|тем же (?:днем|вечером)"
    r"|(?:утром|днем|вечером|позднее|позже) (?:того|этого) же дня"
    r"|^(?:затем|после этого|вслед за этим|перед этим)(?![\w-])"
    r"|после (?:переговоров|встречи|беседы|разговора)(?![\w-]))",
    re.IGNORECASE,
)
# (not "Первым стоит Орбан. Затем к нему присоединился Фицо": one man's line, joined)
JOINED_RE = re.compile(
    r"(?<![\w-])к (?:ним|переговорам|встрече|беседе)(?: [а-яё]+)? присоединил\w+"
    r"|присоединил\w+ к (?:ним|переговорам|встрече|беседе)(?![\w-])",
    re.IGNORECASE,
)
AT_PLACE_RE = re.compile(r"\W*(?:[А-ЯЁ][\w-]+\s+){1,2}(?:в|во)\s+[А-ЯЁ][\w-]+[.!]?\s*")
APPOSED_SUBJECT_RE = re.compile(
    r"\W*(?:[А-ЯЁа-яё-]+\s+){0,2}(?:представител|лидер|министр|глав|руководител|делегаци"
    r"|президент|переговорщик|советник|посланник)\w*\s[^—–]{0,80}?\s[—–]\s([^—–]{5,200}?)\s[—–]\s",
    re.IGNORECASE,
)
# a quote: someone says it ("«… по телефону не разговаривали», — сказал дипломат")
QUOTE_RE = re.compile(r"[«»\"“”]")
# "Предыдущий визит состоялся 3 сентября 2019 года. Тогда он провел переговоры": that day
THEN_START_RE = re.compile(r"\W*(?:Тогда|В тот (?:день|раз))(?![\w-])")
# "… за работу команд в Джидде 11 марта. Там X провел переговоры с Y": that place, that day
THERE_START_RE = re.compile(r"\W*Там(?![\w-])")
# "В середине июля в Джакарте … Лавров встречался с ним там": the place, so the time, just told
# (not "там, где …", "тогда как …", "тогда, когда …")
THERE_WORD_RE = re.compile(
    r"(?<![\w-])(?:там(?!,?\s+где\b)|тогда(?!,?\s+(?:как|когда)\b))(?![\w-])"
)
# (above a headline's wording, see contact_candidates.wording: "Лавров и Маас провели переговоры"
# over "Лавров принял Мааса")
RECEIVED_WORDING = 1 << 30
THEIR_RE = re.compile(r"(?<![\w-])[Ии]х\s+(?:[а-яё]+\s+)?$")
GROUP_WITH_RE = re.compile(
    r"(?<![\w-])групп\w{0,3}\s+(?:[а-яё]+\s+){0,2}(?:лидеров|руководителей|глав|политиков"
    r"|министров)(?![\w-])",
    re.IGNORECASE,
)
ROUND_BEFORE_RE = re.compile(r"[а-яё]+\s+раунд\w{0,3}\s+$", re.IGNORECASE)
ROUND_CUE_RE = re.compile(r"[а-яё]+\s+раунд", re.IGNORECASE)
# "покинул заседание, чтобы провести телефонный разговор": the purpose of what was done
PURPOSE_RE = re.compile(r"\s*,\s*чтобы\s", re.IGNORECASE)
PAST_VERB_RE = re.compile(r"(?<![\w-])[а-яё]{2,}(?:ил|ал|ял|ел|ул)(?:а|и|ся|ась|ись)?(?![\w-])")


def held_purpose(work: str, clause_start: int) -> bool:
    """The clause is ", чтобы провести …" after a clause told in the past, with no plan in it:
    the purpose of a thing done, so the contact was held (not of a trip: "прилетел в Казань,
    чтобы провести переговоры" tells the talks still ahead)."""
    if not PURPOSE_RE.match(work, clause_start):
        return False
    before = work[clause_bounds(work, max(0, clause_start - 1))[0] : clause_start]
    return (
        bool(PAST_VERB_RE.search(before))
        and status_of(before) == "happened"
        and not TRAVEL_RE.search(before)
    )


# "принимали и иранского гостя": a contact whose guest is named only in the next sentence
UNNAMED_GUEST_RE = re.compile(
    r"(?<![\w-])(?:принима|принял|встречал|встретил)\w{0,4}\s+(?:[а-яё]+\s+){0,3}?"
    r"гост(?:я|ей|ем|ю)(?![\w-])",
    re.IGNORECASE,
)
ROUNDS_RE = re.compile(r"(?<![\w-])раунд\w{0,3}(?![\w-])", re.IGNORECASE)
ORDINAL_ROUNDS_RE = re.compile(
    r"\s*(?:Перв|Втор|Трет|Предыдущ|Последн|Прошл)(?:ый|ой|ий|ая|яя)(?: раунд)?\s+"
    r"(?:прошел|прошла|состоялся|состоялась)\b",
    re.IGNORECASE,
)
# "Это второй разговор двух лидеров": a contact counted among the pair's others
ORDINAL_CONTACT_RE = re.compile(
    r"(?<![\w-])(?:втор|трет|четверт|пят)(?:ой|ий|ая|ья|ым|ью)\s+(?:[а-яё-]+\s+){0,3}?"
    r"(?:разговор|звонок|встреч|бесед|контакт|переговор)",
    re.IGNORECASE,
)
# "трехсторонняя встреча": how many sides a contact word says it has
SIDED_RE = re.compile(r"(?<![\w-])(?:(?P<three>тр[её]х)|четыр[её]х)сторонн\w*\s+$", re.IGNORECASE)
PLAN_FRAME_RE = re.compile(
    r"(?<![\w-])(?:подготовк|проведени|организаци|срок|дат[аыу])\w*\s+(?:[а-яё]+\s+)?$",
    re.IGNORECASE,
)
# "подготовка саммита объединения": a forum's summit, not a contact of the story's pair
FORUM_AFTER_RE = re.compile(
    r"\s+(?:объединения|организации|альянса|блока|союза|БРИКС|ШОС|НАТО|ЕС|ЕАЭС|СНГ|ОДКБ"
    r"|АТЭС|АСЕАН|ООН|G\d+|«?(?:Группы|Большой|Евросоюза))(?![\w-])"
)
WHEN_DURING_RE = re.compile(r",\s*когда\s+(?:в ходе|во время)\s+(?:[а-яё]+\s+)?$", re.IGNORECASE)
INVITED_RE = re.compile(r"(?<![\w-])(?:пригласил\w{0,2}|приглашени\w{1,2})(?![\w-])", re.I)
PREDECESSOR_OF_RE = re.compile(r"(?<![\w-])предшественник\w{0,3}\s+$", re.IGNORECASE)
# ", а 20 сентября — в Нью-Йорке": a gapped clause of the same verb, its day and place
ELIDED_DAY_RE = re.compile(r",\s+а\s+$")
ELIDED_DAY_TAIL_RE = re.compile(r"\s+[—–-]\s+(?:в|во|на)\s+[А-ЯЁ]")
# "По итогам переговоров …": the frame of a contact told before, by its own word
RESULTS_OF_RE = re.compile(
    r"\W*(?:По итогам|В ходе|Во время|После)\s+(?P<noun>переговоров|встречи|беседы|разговора)"
    r"\s+(?=[А-ЯЁ])"  # the one speaking named next: "По итогам переговоров Лавров заявил"
)
RESULTS_KINDS = {
    "переговоров": "talks",
    "встречи": "meeting",
    "беседы": "meeting",
    "разговора": "phone",
}


def worded_pair(candidates: list[Candidate], sentence: str) -> tuple[str, ...]:
    """The people of the last contact told by the word of "По итогам переговоров …"."""
    framed = RESULTS_OF_RE.match(sentence)
    if framed is None:
        return ()
    kind = RESULTS_KINDS[framed.group("noun")]
    return next(
        (
            c.participants
            for c in reversed(candidates)
            if c.kind == kind and len(c.participants) >= 2 and c.sentence != TITLE
        ),
        (),
    )


# "До этого лидеры встречались ...": back to the story's pair after a side contact
BACK_TO_STORY_RE = re.compile(r"\W*(?:до этого|до того|ранее|прежде)\b", re.IGNORECASE)
# a list entry opening with its date and a dash: "🔹 18 марта — второй разговор по телефону"
ENTRY_RE = re.compile(r"[^\w«]{0,3}(?=\d|[А-ЯЁ])[^—–.;:]{3,30}?\s[—–]\s")
ENTRY_REACH = 40  # characters after the dash where the entry's contact word stands
QUESTION_END_RE = re.compile(r"\?[»\"”)]*\s*$")
LEFTOVER_END_RE = re.compile(r"[.!?…»\"]\s*$")
SCHEDULE_RE = re.compile(
    # ("По словам Захаровой, в программе – переговоры Лаврова с норвежской коллегой")
    r"(?<![\w-])в программ[еу](?: (?:визита|поездки|пребывания|турне)(?![\w-])|\s*[–—-]\s"
    # ("переберется в Южную Корею: в программе двусторонняя встреча с X")
    r"|(?=\s+(?:[а-яё]+\s+)?(?:встреч|переговор|бесед)))",
    re.I,
)


# ", где провели переговоры": the talks held at the meeting just told
WHERE_HELD_RE = re.compile(r",\s+где\s+(?:[а-яё]+\s+)?$", re.IGNORECASE)
# ", которую приняли X и Y": the guest before the hosts
# "Там же должна была пройти встреча": at the place (and time) just told
THERE_TOO_RE = re.compile(r"\W*Там же(?![\w-])")
# "После переговоров во вторник лидеры заявили": the talks before what they said
AFTER_EVENT_RE = re.compile(r"^\W*(?:После|По окончании)\s+$", re.IGNORECASE)
# "Главным событием поездки стали переговоры с X": an event of the story's trip
TRIP_EVENT_RE = re.compile(
    r"(?<![\w-])(?:событи|част|пункт|кульминаци)\w{0,3}\s+(?:[а-яё]+\s+)?"
    r"(?:поездки|визита|турне)(?![\w-])",
    re.IGNORECASE,
)


def tells_schedule(text: str) -> bool:
    """ "были намечены …", "в программе визита …", "главным событием поездки стали …": a
    text that tells a schedule of the story's trip."""
    return bool(SCHEDULED_RE.search(text) or SCHEDULE_RE.search(text) or TRIP_EVENT_RE.search(text))


BOTH_PARTNERS_RE = re.compile(
    r"\s+с\s+обоими(?:\s+(?:лидерами|политиками|министрами|собеседниками|партнерами))?(?![\w-])",
    re.IGNORECASE,
)
NEXT_EVENT_RE = re.compile(r"(?<![\w-])(?:следующ|очередн)\w{2,3}\s+(?:[а-яё]+\s+)?$", re.I)
MINISTERS_RE = re.compile(r"(?<![\w-])министр(?:ы|ов|ами)(?![\w-])", re.IGNORECASE)
FIRST_MET_RE = re.compile(
    r"(?<![\w-])впервые\s+(?:они\s+|лидеры\s+|политики\s+)?"
    r"(?:встречались|виделись|общались|говорили|созванивались)(?![\w-])",
    re.IGNORECASE,
)
CONTACTS_WORD_RE = re.compile(r"(?<![\w-])контакт\w*", re.IGNORECASE)
DAY_PART_RE = re.compile(r"\W*(?:Вечером|Утром|Днем|Днём|Позднее|Позже)(?![\w-])")
LEADERS_RE = re.compile(rf"(?<![\w-])(?:{'|'.join(NEARBY_LEADER_WORDS)})(?![\w-])", re.IGNORECASE)
# "провел более десятка встреч с лидерами": partners told only as a crowd, nobody named
CROWD_PARTNERS_RE = re.compile(
    r"\s+с\s+(?:(?!обоими|этими|двумя|ними)[а-яё]+(?:ыми|ими)\s+)?(?:лидерами|коллегами|главами"
    r"|руководителями|представителями|партнерами|политиками|журналистами|бизнесменами"
    r"|предпринимателями|соотечественниками|студентами)(?![\w-])"
    r"(?!\s+(?:двух|обеих|обоих|стран|государств|[А-ЯЁ]))",
)
# "19:20 Министр обороны … провел телефонный разговор": an entry of a live blog is news of
# the page's day, as a lead is
LIVE_TIME_RE = re.compile(r"\W{0,3}(?P<h>[01]?\d|2[0-3])[:.](?P<m>[0-5]\d)\s+(?=[А-ЯЁ«])")


# "В Кремле эту информацию опровергли" ("публикацию опровергли") after "газета сообщила, что …"
DENIED_REPORT_RE = re.compile(
    r"(?<![\w-])(?:(?:эт\w{1,2}|данн\w{2}|так\w{2}) (?:информаци|сообщени|данны|публикаци|сведени)"
    r"|публикаци|сообщени)\w*",
    re.IGNORECASE,
)
REPORTED_RE = re.compile(
    r"(?<![\w-])(?:сообщил\w{0,2}|пишет|написал\w{0,2}|по данным|по сведениям|утвержда\w{2,3})"
    r"(?![\w-])",
    re.IGNORECASE,
)
# "…, напомнив, что …": a statement of its own after a denial
RECALLING_RE = re.compile(
    r",\s*(?:напомнив|заявив|отметив|подчеркнув|указав|добавив)\w*(?![\w-])", re.IGNORECASE
)


# "встречался ли X с Y": a question, not a statement
ASKED_RE = re.compile(r"\s+ли(?![\w-])")  # (not "встретился Ли Цян")
ASKED_BEFORE_RE = re.compile(r"(?<![\w-])ли\s+(?:[а-яё]+\s+)?$")
# "…, ответили коротко: «Нет»", "ответил отрицательно": the answer is no
NO_ANSWER_RE = re.compile(
    r"(?<![\w-])(?:ответил\w*|заявил\w*|сообщил\w*)(?:\s+[а-яё]+){0,2}\s*[:—–-]?\s*[«\"“]?\s*"
    r"(?:Нет|нет)(?![\w-])|(?<![\w-])ответил\w*\s+отрицательно",
)
# "принял его": the guest a pronoun stands for
RECEIVED_HIM_RE = re.compile(
    r"(?<![\w-])(?:принял|принимал)\w{0,2}\s+(?:его|ее|её)(?![\w-])", re.IGNORECASE
)


class Series(NamedTuple):
    """A series of meetings told in one sentence: where, whose, on which day, and whether
    it was held."""

    sentence: int  # where it was told
    host: str
    day: PartialDate | None
    held: bool


class ContactExtractor(ContactStory):
    """Extracts contacts from clean article bodies; heavy models are shared and built lazily."""

    def __init__(self, registry: PersonRegistry, lemmatizer: Lemmatizer | None = None) -> None:
        self.registry = registry
        self.lemmatizer = lemmatizer or registry.lemmatizer or default_lemmatizer()
        self.groups = GroupResolver(registry)

    def extract(
        self, text: str, *, published: date | None, title: str | None = None
    ) -> list[ExtractedContact]:
        """One record per distinct contact stated in the article body `text`."""
        if not has_cue(text) and not (title and READOUT_TITLE_RE.match(title)):
            return []
        dateline = parse_dateline(text, published=published)
        if dateline is not None and dateline.year is None and (year := bare_year(text)):
            # "КАЗАНЬ, 24 окт — РИА Новости." on a page with no date: the one year the
            # text names ("Лаос в 2024 году председательствует")
            dateline = PartialDate(year[0], dateline.month, dateline.day)
        if dateline is None and title and published is not None:
            # "9 мая в Москве: хроника встреч" (headline): the one recent day the headline
            # names is the day the story tells, as a dateline's is
            dateline = recent_day(title, published)
        sentences = chronological(content_sentences(text))
        if dateline is None and published is not None and sentences:
            # "В столице Албании в среду прошел саммит …" (the lead): the contacts told next
            # are of the forum's day, as of a dateline's
            dateline = forum_day(sentences[0][1], published)
        stated = None if published or dateline else stated_news_date(sentences)
        # a page without a header date or dateline: relative dates count from the stated one
        news_day = dateline or stated
        anchor = published or (
            news_day.to_date() if news_day and news_day.precision == "day" else None
        )
        known: set[str] | None = None
        candidates: list[Candidate] = []
        context: tuple[str, ...] = ()
        # the day of the contact that made `context` the story's people (None: the page's)
        context_day: PartialDate | None = None
        story: tuple[str, ...] = ()  # the pair of the headline or of the first contact
        protagonist: tuple[str, PartialDate | None, int] | None = None
        lead_limit = _lead_limit(sentences)
        if title and has_cue(title):
            known = self._known(text)
            heads = self._sentence(title, 0, title, TITLE, anchor, None, known, "", ())
            if not heads and READOUT_TITLE_RE.match(title):
                heads = self._readout(title, sentences, anchor, known)
            candidates += [replace(c, start=0, end=0) for c in heads]
            context = next((c.participants for c in heads), ())
            story = context
            # "Си Цзиньпин провел на Бали марафон встреч": the host of the series the body tells
            protagonist = None if heads else self._protagonist(title, TITLE, anchor, known)
        # the one person the headline (else the lead) names as its subject, for a bare title
        # or a schedule with only the partner named
        subject: str | None = None
        if sentences and (BARE_TITLE_RE.search(text) or tells_schedule(text)):
            known = known if known is not None else self._known(text)
            subject = self._story_subject(title, sentences[0][1], anchor, known)
        trip: tuple[int, PartialDate, str] | None = None  # a dated trip of the story's pair
        # "в понедельник провела серию двусторонних встреч": its host and day, for the
        # meetings told next
        meetings: Series | None = None
        day_told: tuple[int, PartialDate] | None = None  # "оказалось воскресенье"
        owner: str | None = None  # the one person a chronicle's title names ("" for none)
        # a digest or a chronicle: "10 июля." alone dates the entries after it
        headings = {
            i: when
            for i, (_, sentence) in enumerate(sentences)
            if (when := date_heading(sentence, anchor)) is not None
        }
        heading: PartialDate | None = None
        lead_story: tuple[str, ...] = ()  # the story's people before a chronicle's first entry
        entry = 0  # the heading of the chronicle's entry being read
        stamps = entry_stamps(text, anchor)  # a live blog's entry stamps
        visit_began: tuple[int, PartialDate] | None = None  # "находится с визитом с понедельника"
        years: dict[int, int] = {}  # month -> year stated in the sentence before
        years_at = -10
        last_year: int | None = None  # the year of the last dated contact told
        for index, (start, sentence) in enumerate(sentences):
            if stamps:
                heading = stamp_before(stamps, start) or heading
            if meetings is not None and (
                index - meetings.sentence > SERIES_REACH
                or (index > meetings.sentence and find_date_hits(sentence, published=anchor))
            ):
                meetings = None  # another day told, or too far from the series
            if (
                meetings is not None
                and meetings.held
                and index > meetings.sentence
                and not has_cue(sentence)
                and (met := self._series_partner(sentence, start, index, meetings, anchor))
            ):
                # "провел серию встреч. С премьером Хорватии X он договорился …"
                candidates.append(met)
                continue
            recent = [c for c in candidates if 0 <= index - c.sentence <= PARTY_REACH]
            sides_only = (
                bool(recent)
                and not recent[-1].participants
                and recent[-1].sentence == index - 1
                and not has_cue(sentence)
            )
            own_event = bool(ORDINAL_ROUNDS_RE.match(sentence)) and bool(
                find_date_hits(sentence, published=anchor)
            )  # "Первый раунд прошел 23 ноября, где делегации возглавляли": its own round
            party = PARTY_RE.search(sentence)
            if (
                party is not None
                and PRONOUN_PARTY_RE.match(party.group(0))
                and not (index and has_cue(sentences[index - 1][1]))
            ):
                # "Центральной частью поездки стали торжества. В них также приняли участие X и
                # Y": "них" is what the sentence before tells, and that is no contact
                party = None
            if recent and (party or sides_only) and not own_event:
                # "Прошли российско-индийские переговоры. Путин и Моди обсудили ...": the
                # people of a contact told by its sides only come in the next sentence
                if known is None:
                    known = self._known(text)
                needed = 2 if sides_only and not party else 1
                joined = self._join_party(
                    text,
                    start,
                    with_elided_side(text, sentences, index),
                    recent[-1],
                    candidates,
                    anchor,
                    known,
                    needed,
                )
                if joined is not None:
                    if recent[-1].participants and set(context) <= set(joined.participants):
                        # "Встреча прошла при посредничестве Шольца": "стороны" next are
                        # all three
                        context = joined.participants
                    continue
            if (
                recent
                and recent[-1].participants
                and (
                    JOINED_RE.search(sentence)
                    # "встречу с Зеленским и группой европейских лидеров. В Вашингтон
                    # прилетели X, Y и Z": the group, named
                    or (
                        recent[-1].sentence == index - 1
                        and GROUP_WITH_RE.search(recent[-1].snippet) is not None
                        and TRAVEL_RE.search(sentence) is not None
                    )
                )
                and not has_cue(sentence)
            ):
                # "Затем к ним присоединились Макрон и Стармер": a wider meeting that day
                if known is None:
                    known = self._known(text)
                wider = self._joined(start, sentence, recent[-1], index, anchor, known)
                if wider is not None:
                    if not JOINED_RE.search(sentence):
                        # the group was at that meeting all along: one meeting, told whole
                        # (by the sentence that tells the meeting)
                        wider = replace(recent[-1], participants=wider.participants)
                        candidates = [c for c in candidates if c is not recent[-1]]
                    candidates.append(wider)
                    context = wider.participants
                    continue
            rounds = [c for c in recent if c.participants and ROUNDS_RE.search(c.snippet)]
            # "Это второй разговор двух лидеров. Первый состоялся 16 октября": the pair's
            # contact before the one told
            counted = (
                not rounds
                and index > 0
                and ORDINAL_CONTACT_RE.search(sentences[index - 1][1]) is not None
            )
            if counted:
                rounds = [c for c in recent if c.participants][-1:]
            # (not "Первый раунд прошел в Женеве, где делегации возглавляли X и Y", nor "…;
            # иранскую делегацию возглавлял X, американскую — Y": that round's heads, named)
            if (
                rounds
                and ORDINAL_ROUNDS_RE.match(sentence)
                and not DELEGATION_LED_RE.search(sentence)
            ):
                # "X и Y провели пять раундов переговоров. Первый прошел 12 апреля, второй —
                # 19 апреля": one contact for each dated round
                dated = self._rounds(start, sentence, index, anchor, rounds[-1])
                if dated:
                    # the summary ("провели пять раундов") is these rounds, not an event of its
                    # own ("Это второй разговор …" is: the count is of the others)
                    candidates = [c for c in candidates if counted or c is not rounds[-1]] + dated
                    continue
            if protagonist is not None and index - protagonist[2] == 1 and protagonist[2] >= 0:
                # "Путин провел серию разговоров. Среди собеседников — X и Y"
                if known is None:
                    known = self._known(text)
                series = self._interlocutors(text, sentences, index, protagonist, anchor, known)
                if series:
                    candidates += series
                    continue
            if REFUSED_RE.search(sentence) and recent:
                # "должен был встретиться с X, Y и Z. Однако Y и Z отказались от встречи": the
                # plan holds for X; with Y and Z it is called off
                if known is None:
                    known = self._known(text)
                refused = self._refused(start, sentence, index, anchor, known, recent[-1])
                if refused:
                    candidates = [c for c in candidates if c is not recent[-1]] + refused
                    continue
            told_before = self._elided(start, sentence, index, anchor, recent)
            if told_before is not None:
                candidates.append(told_before)
            if not context and TRAVEL_RE.search(sentence) and not has_cue(sentence):
                # "В субботу в Киев прибыли X, Y, Z и W. Лидеры встретились с Зеленским": the
                # travellers are the story's people before any contact is told
                if known is None:
                    known = self._known(text)
                travellers = self._travellers(sentence, anchor, known)
                if len(travellers) >= 2:
                    context, context_day = travellers, None
                    trip = self._trip(sentence, index, anchor, known, context) or trip
            elif (len(context) == 2 and TRAVEL_RE.search(sentence)) or (
                len(context) in (0, 2) and TRIP_NOUN_RE.search(sentence)
            ):
                # "14 сентября 2020 года Лукашенко прилетел в Сочи. По итогам переговоров ..."
                if known is None:
                    known = self._known(text)
                trip = self._trip(sentence, index, anchor, known, context) or trip
            began = visit_start(sentence, anchor)
            if began is not None:
                visit_began = (index, began)
            if (
                index
                and DENIAL_RE.search(sentence)
                and DENIED_REPORT_RE.search(sentence)
                and REPORTED_RE.search(sentences[index - 1][1])
            ):
                # "Газета сообщила, что Трамп провел разговор с Путиным. В Кремле эту
                # информацию опровергли": the report just told is denied
                candidates = [
                    replace(c, status="denied")
                    if c.sentence == index - 1 and c.status == "happened"
                    else c
                    for c in candidates
                ]
            if len(headings) >= 2 and index in headings:
                heading = headings[index]
                if owner is None:
                    # "«Миротворческая миссия» Орбана": a chronicle of one person's trip; each
                    # entry ("2 июля, Киев. Встреча с X") is his; else the one person the
                    # lead before the first entry names as its subject ("Лавров провел
                    # насыщенные дни в Нью-Йорке. Среда. Главным событием стала встреча с X")
                    if known is None:
                        known = self._known(text)
                    in_title = {
                        m.person
                        for m in self.registry.scan(
                            blank_asides(title or ""), on=anchor, known=known
                        )
                    }
                    in_lead = {
                        m.person
                        for _, lead in sentences[: min(headings)]
                        for m in self.registry.scan(blank_asides(lead), on=anchor, known=known)
                        if "nomn" in m.cases
                    }
                    owner = (
                        next(iter(in_title))
                        if len(in_title) == 1
                        else next(iter(in_lead))
                        if len(in_lead) == 1
                        else ""
                    )
                if owner and (protagonist is None or protagonist[0] == owner):
                    protagonist = (owner, heading, index)
                # a new entry: the people of the last one are not this one's; the story's
                # people, told before the first entry, still are
                if index == min(headings):
                    lead_story = context
                    if len(lead_story) < 2 and title:
                        # "Хроника: как министры Армении и Азербайджана искали формулу мира":
                        # the two the title names by a group title of two sides
                        group = {f.person for f in self.groups.find(title, on=anchor)}
                        lead_story = tuple(sorted(group)) if len(group) == 2 else lead_story
                context, context_day, entry = lead_story, None, index
                continue
            if AT_PLACE_RE.fullmatch(sentence):
                # a chronicle's "Эрдоган в Берлине.": whose talks the next sentence tells
                if known is None:
                    known = self._known(text)
                present = {m.person for m in self.registry.scan(sentence, on=anchor, known=known)}
                if len(present) == 1:
                    protagonist = (present.pop(), heading, index)
                continue
            if not has_cue(sentence) or QUESTION_END_RE.search(sentence):
                # a question asserts no contact ("— А сами переговоры с Ван И?"); a heading
                # ("Ноябрь 2024.") still gives the year of that month after it (not a bare
                # year: "линия администрации Обамы в 2016 году" dates nothing next)
                # ("Куда интенсивнее контакты были в начале 2022 года. 7 февраля …": the year
                # of the contacts told next)
                # ("Контраст с 2021 годом разителен. Тогда X уже 24 марта провел …": the
                # year of the story the next sentence begins)
                told = {
                    m: y
                    for m, y in told_years(sentence, anchor).items()
                    if m or CONTACTS_WORD_RE.search(sentence) or YEAR_TOPIC_RE.match(sentence)
                }
                if not told and THEN_START_RE.match(following_sentence(sentences, index)):
                    told = bare_year(sentence)
                if told:
                    years, years_at = told, index
                named_day = told_weekday(sentence, anchor)
                if named_day is not None:
                    day_told = (index, named_day)
                if not QUESTION_END_RE.search(sentence) and TRAVEL_RE.search(sentence):
                    # "X в среду впервые приехал в Москву. … Переговоры с Путиным
                    # продолжались два часа": the traveller of the partner-only contact next
                    if known is None:
                        known = self._known(text)
                    # (a trip told with its day: not "Меркель посетила Китай двенадцать раз")
                    traveller = self._protagonist(sentence, index, anchor, known)
                    if traveller is not None and traveller[1] is not None:
                        protagonist = traveller
                continue
            if known is None:
                known = self._known(text)
            if (
                index - years_at == 2
                and LIST_ENTRY_RE.match(sentence)
                and LIST_ENTRY_RE.match(sentences[index - 1][1])
            ):
                # "2019 год был насыщенным. 22 января — переговоры, 29 июня — встреча": the
                # entries of one list share the year told before it
                years_at = index - 1
            following = following_sentence(sentences, index)
            host = protagonist if protagonist and index - protagonist[2] <= PARTY_REACH else None
            antecedents: tuple[tuple[str, PartialDate | None], ...] = ()
            if PRONOUN_RE.search(sentence):
                antecedents = self._antecedents(
                    sentences,
                    index,
                    anchor,
                    known,
                    subject,
                    objects=RECEIVED_HIM_RE.search(sentence) is not None,
                )
                # "российский президент побывал в Заливе: 14 октября он встретился ...": the
                # subject named earlier in the same sentence comes first
                pronoun = SUBJECT_PRONOUN_RE.search(sentence)
                if pronoun is not None:
                    own = self._subjects_before(sentence, pronoun.start(), anchor, known)
                    antecedents = put_first(own, antecedents)
                elif (
                    received := next(
                        (
                            m
                            for m in RECEIVE_RE.finditer(sentence)
                            if GUEST_AFTER_RE.match(sentence, m.end())
                        ),
                        None,
                    )
                ) is not None:
                    # "в Пекин прилетел Андрей Руденко, и Цинь Ган принял его лично": the
                    # guest named earlier in the same sentence
                    own = self._subjects_before(sentence, received.start(), anchor, known)
                    antecedents = put_first(own, antecedents)
                elif TOPIC_FOR_RE.match(sentence):
                    # "Для Рютте это не первый визит: 13 марта Трамп уже принимал его там"
                    work = blank_asides(sentence)
                    scanned = self.registry.scan(work, on=anchor, known=known)
                    antecedents = put_first(
                        [f.person for f in self._topic(work, scanned)], antecedents
                    )
                him = None
                if pronoun is None and WITH_PRONOUN_RE.search(sentence):
                    antecedents = self._with_him_first(
                        sentences, index, anchor, known, candidates, antecedents
                    )
                    him = WITH_HIM_RE.search(sentence)
                if pronoun is None and him is None:
                    him = RECEIVED_HIM_RE.search(sentence)
                colon = sentence.rfind(":", 0, him.start()) if him is not None else -1
                if colon > 0:
                    # "Прервал ее новый министр X: 25 июня с ним поговорил Y", "Визит Хун Манет
                    # совершил в Китай: Си Цзиньпин принял его": the subject before the colon
                    own = self._subjects_before(sentence, colon, anchor, known)
                    antecedents = put_first(own, antecedents)
                if FIRST_PERSON_RE.search(sentence):
                    # "мы встречались с Рубио" in an interview: the guest speaks
                    guest = self._interviewee(text, sentences, anchor, known)
                    antecedents = ((guest, None),) if guest else antecedents
                if THEN_START_RE.match(sentence):
                    # "Предыдущий визит Путина состоялся 3 сентября 2019 года. Тогда он
                    # провел переговоры": the day of the contact the sentence before told
                    then_days = {
                        p: c.date
                        for c in candidates
                        if c.sentence == index - 1 and c.date is not None
                        for p in c.participants
                    }
                    antecedents = tuple((p, then_days.get(p, d)) for p, d in antecedents)
            # (a chronicle's entry tells its own contacts: not those of the entries before)
            entry_told = [c for c in candidates if c.sentence > entry] if entry else candidates
            if entry and not context and has_cue(sentence):
                # "23 июля. Прошел третий раунд. Украинскую делегацию возглавил X. Российскую
                # — Y": the entry's people are the heads named next
                if known is None:
                    known = self._known(text)
                context = self._heads_next(text, sentences, index, anchor, known)
            found = self._sentence(
                text,
                start,
                sentence,
                index,
                anchor,
                dateline,
                known,
                following,
                story
                if story and BACK_TO_STORY_RE.match(sentence)
                # "X провел переговоры с Y. В тот же день X принял Z. По итогам переговоров X
                # заявил": the people of the talks, not of the last contact
                else worded_pair(entry_told, sentence) or context
                if RESULTS_OF_RE.match(sentence)
                # "первый раунд переговоров прошел в мае": the people of the rounds told
                else rounds_pair(candidates) or context
                if ROUNDS_RE.search(sentence)
                # "Впервые в таком составе лидеры встретились …": the lineup told last
                else lineup(entry_told) or context
                if SAME_LINEUP_RE.search(sentence)
                else context,
                host,
                lead_limit,
                antecedents,
                years
                if index - years_at <= 1
                # "А 14 октября того же года …": the year of the contact just told (a
                # sentence that names a year itself has it: "9 апреля 2022 года, а 19
                # ноября того же года")
                else {0: last_year}
                if last_year
                and SAME_YEAR_RE.search(sentence)
                and not YEAR_IN_TEXT_RE.search(sentence)
                else None,
                trip is not None and trip[0] == index - 1,
                # ("лидеры": the two named in the last two sentences)
                " ".join(
                    t
                    for _, t in sentences[
                        max(0, index - (2 if LEADERS_RE.search(sentence) else 1)) : index
                    ]
                ),
                context_day,
                (subject, partial(self._subject_day, sentences, index, anchor, known, subject))
                if subject is not None
                and (
                    BARE_TITLE_RE.search(sentence)
                    or tells_schedule(sentence)
                    # ("канцлера встретил X. Затем лидеры …": the title before is his)
                    or LEADERS_RE.search(sentence)
                )
                else None,
            )
            found = retelling(told_in_full(found), recent)
            if (
                found
                and THERE_TOO_RE.match(sentence)
                and not find_date_hits(sentence, published=anchor)
            ):
                # "Через неделю был саммит, где X провел переговоры с Y. Там же должна была
                # пройти встреча с Z": the time of the contact just told
                there = [c.date for c in candidates if c.sentence == index - 1 and c.date]
                found = [replace(c, date=there[-1]) for c in found] if there else found
            if index and REPORTED_RE.search(sentence) and not DENIAL_RE.search(sentence):
                # "Песков опроверг публикацию о разговоре X с Y. Газета утверждала, что X
                # позвонил Y в четверг": the report just denied, told in full
                # (of the same kind: not "встречался ли X с Y? — Нет. … сообщил, что
                # президенты провели телефонный разговор")
                denied = {
                    (c.participants, group_of(c.kind))
                    for c in candidates
                    if c.sentence == index - 1 and c.status == "denied"
                }
                found = [
                    replace(c, status="denied")
                    if (c.participants, group_of(c.kind)) in denied and c.status == "happened"
                    else c
                    for c in found
                ]
            told = told_years(sentence, anchor)
            if told:
                years, years_at = told, index
            protagonist = self._protagonist(sentence, index, anchor, known) or protagonist
            if SERIES_OF_MEETINGS_RE.search(sentence):
                if known is None:
                    known = self._known(text)
                meetings = self._series(sentence, index, anchor, known, protagonist) or meetings
            if (
                protagonist is not None
                and protagonist[2] == index
                and protagonist[1] is not None
                and TRAVEL_RE.search(sentence)
            ):
                # "Путин в четверг совершил визит в Италию. Российский лидер встретился с
                # Франциском ...": a trip of one traveller, as of the story's pair
                trip = (index, protagonist[1], protagonist[0])
            # "стали переговоры в Эр-Рияде 18 февраля. За столом сидели X с российской стороны"
            if not found and (
                SIDES_PAIR_RE.search(sentence) or (not recent and PARTY_RE.search(following))
            ):
                found = self._sides_only(
                    sentence,
                    start,
                    index,
                    anchor,
                    lead_limit,
                    sentences[index - 1][1] if index else "",
                )
            joined_here = JOINED_RE.search(sentence)
            if joined_here and found:
                # "встречались во Львове, когда к ним присоединился генсек ООН": one more
                extra = {
                    m.person
                    for m in self.registry.scan(
                        blank_asides(sentence[joined_here.end() :]), on=anchor, known=known
                    )
                }
                found = [
                    replace(c, participants=tuple(sorted(set(c.participants) | extra)))
                    if c.participants
                    else c
                    for c in found
                ]
            if (
                trip is not None
                and (
                    trip[0] == index - 1
                    # "X в пятницу появился в Джидде. Он выступил перед участниками. На полях
                    # саммита X встретился с Y": one sentence between with no contact or date
                    or (
                        trip[0] == index - 2
                        and trip[1].day is not None
                        and not any(c.sentence == index - 1 for c in candidates)
                        and not find_date_hits(sentences[index - 1][1], published=anchor)
                        # (the trip's one day; not "В тот же день X встретился с Y")
                        and len(find_date_hits(sentences[index - 2][1], published=anchor)) == 1
                        and SAME_DAY_RE.search(sentence) is None
                    )
                )
                # ("X, прилетевший в среду, в четверг провел переговоры с Y. В тот же день …":
                # the day of the contact told, not of the trip)
                and not any(c.sentence == index - 1 and c.date for c in candidates)
            ):
                # (not the contact just told again: "X в субботу провел переговоры с Y. Y прибыл
                # с визитом и накануне был на параде. По итогам переговоров …": Saturday's)
                again, fresh = split_retold(found, recent, trip[1])
                found = again + on_day(fresh, trip[1], trip[2] or None)
            if meetings is not None and meetings.day is not None and meetings.day.day is not None:
                # "Первой стала встреча с X. Затем она встретилась с Y": that day
                found = [
                    replace(c, date=meetings.day, lead=False)
                    if c.date is None
                    and c.status == "happened"
                    and not c.earlier
                    and meetings.host in c.participants
                    else c
                    for c in found
                ]
            if any(c.date is None and c.status == "happened" for c in found):
                found = same_place_day(
                    found, sentence, sentences[max(0, index - 3) : index], candidates
                )
            undone = next(
                (
                    (k, undone_as)
                    for k in range(index - 1, max(-1, index - 1 - TRIP_UNDONE_REACH), -1)
                    if found
                    and (
                        undone_as := trip_undone(
                            sentences[k][1],
                            sentence,
                            any(c.status in ("cancelled", "postponed") for c in found),
                        )
                    )
                ),
                None,
            )
            if undone is None and title and found:
                # "Госсекретарь США отложил поездку в Киев … (headline). … Помпео должен был 3
                # января встретиться с X": a plan of the trip the headline tells put off
                headline = trip_undone(title, sentence)
                undone = (index, headline) if headline is not None else None
            if undone is not None:
                # "визит …, который готовили на апрель, откладывается. … Встреча X с Y должна
                # была стать …": that plan, for the time the trip was set for (told with the
                # trip or after it: "Визит был запланирован на 5–6 февраля")
                told_at, undone_status = undone
                trip_time = [
                    # a range of days ("на 5–6 февраля"): the month is all that is sure
                    ranged_month(h.date, [h])
                    for _, told_trip in sentences[told_at:index]
                    for h in find_date_hits(told_trip, published=anchor)
                    if SET_FOR_RE.search(told_trip, max(0, h.span.start - 4), h.span.end)
                ]
                set_for = trip_time[0] if len(set(trip_time)) == 1 else None
                found = [
                    # "Встреча … таким образом отменена": undone as the trip was, on its day
                    replace(c, status=undone_status, date=c.date or set_for)
                    if c.status in ("planned", undone_status)
                    else c
                    for c in found
                ]
            if not found and (named_day := told_weekday(sentence, anchor)) is not None:
                # "Главные события визита пришлись на пятницу": a day told, no contact yet
                day_told = (index, named_day)
            elif (
                not found
                and UNNAMED_GUEST_RE.search(sentence)
                and (guest_day := one_day(sentence, anchor)) is not None
            ):
                # "В Кремле накануне принимали иранского гостя. Путин встретился с X": the
                # guest is named next, on the day told here
                day_told = (index, guest_day)
            if found and DAY_PART_RE.match(sentence) is not None:
                # "в четверг прибыл в Джайпур. Вместе с X он проехал по городу. Вечером лидеры
                # провели переговоры": a part of the day a sentence without a contact just named
                said = day_said_before(sentences, index, anchor)
                day_told = (index - 1, said) if said is not None else day_told
            told_day = day_told is not None and day_told[0] == index - 1
            if (
                found
                and (told_day or heading is not None)
                # ("В ходе визита (23–25 января) лидеры провели переговоры": the entry's day;
                # not "страна в 2026 году возьмет на себя председательство": a year ahead)
                and not any(
                    not year_ahead(h, anchor)
                    # ("первые прямые с весны 2022 года": a time since, not the entry's day)
                    and not SINCE_BEFORE_RE.search(sentence, 0, h.span.start)
                    for h in find_date_hits(blank_asides(sentence), published=anchor)
                )
            ):
                if day_told is not None and told_day:
                    # "Самым показательным оказалось воскресенье. Утром X принял Y": that day,
                    # for the contacts of a sentence that states no date of its own
                    again, fresh = split_retold(found, recent)
                    found = again + [replace(c, date=day_told[1], lead=False) for c in fresh]
                else:
                    # "10 июля. … Макрон и Стармер провели переговоры": the entry's day
                    found = [
                        replace(c, date=heading, lead=False) if c.date is None else c for c in found
                    ]
            if found and index and any(c.status in PLANS and c.date is None for c in found):
                # "Саммит ЕС — Китай пройдет 24 июля в Пекине. X и Y встретятся с Z": the day
                # of the event just announced
                ahead_day = event_ahead(sentences[index - 1][1], anchor)
                if ahead_day is not None and not find_date_hits(
                    blank_asides(sentence), published=anchor
                ):
                    found = [
                        replace(c, date=ahead_day, lead=False)
                        if c.status in PLANS and c.date is None
                        else c
                        for c in found
                    ]
            if visit_began and visit_began[0] == index - 1 and FIRST_DAY_RE.search(sentence):
                # "… с визитом с понедельника. В первый же день он провел переговоры с X"
                found = [replace(c, date=visit_began[1], lead=False) for c in found]
            elif visit_began and visit_began[0] == index - 1 and DURING_VISIT_RE.match(sentence):
                # "… с визитом с понедельника. В ходе визита они провели переговоры": on one
                # of its days, the month is all that is sure
                month = PartialDate(visit_began[1].year, visit_began[1].month)
                found = [
                    replace(c, date=month, lead=False) if c.date is None or c.lead else c
                    for c in found
                ]
            if (same := SAME_DAY_RE.search(sentence)) is not None:
                if (told_here := one_day(sentence[: same.start()], anchor)) is not None:
                    # "X, прибывший в воскресенье в Абу-Даби, в тот же день встретился с Y":
                    # the day the sentence itself told before
                    found = on_day(found, told_here)
                else:
                    last = max((c.sentence for c in candidates if c.participants), default=-1)
                    found = same_day(found, candidates, *day_since(sentences, index, anchor, last))
            elif FOOTAGE_RE.match(sentence):
                # "Фрагмент снят утром 24 февраля. На кадрах X разговаривает с Y": the day
                # filmed, never the day of the news
                shot = day_said_before(sentences, index, anchor)
                found = [
                    replace(c, date=shot, lead=False) if c.date is None or c.lead else c
                    for c in found
                ]
            elif THIS_EVENT_RE.match(sentence):
                # (over a day the sentence before told: "Эритрейский лидер прилетел накануне.
                # Это первая встреча двух президентов": the meeting's day, not the arrival's)
                found = same_event(
                    found,
                    recent,
                    own_day=bool(find_date_hits(blank_asides(sentence), published=anchor)),
                )
            elif (back := days_earlier(sentence)) is not None:
                found = days_before(found, candidates, back)
            elif (
                index
                and (
                    THEN_START_RE.match(sentence)
                    or THERE_START_RE.match(sentence)
                    or THERE_WORD_RE.search(sentence)
                )
                and any(c.date is None for c in found)
            ):
                # "… впервые с июля 2019 года. Тогда в Овальном кабинете побывал X": the one
                # date the sentence before names
                before_hits = find_date_hits(sentences[index - 1][1], published=anchor)
                if len(before_hits) == 1 and not find_date_hits(
                    blank_asides(sentence), published=anchor
                ):
                    found = [
                        replace(c, date=before_hits[0].date, lead=False)
                        if c.date is None and c.status == "happened"
                        else c
                        for c in found
                    ]
            plans = [c for c in recent if c.status == "planned" and c.participants]
            if plans:
                # "договорились встретиться в Будапеште. Сроки саммита не определены": the
                # nameless plan is the one just told
                found = [
                    replace(c, participants=plans[-1].participants) if c.framed else c
                    for c in found
                ]
            candidates += found
            last_year = next(
                (c.date.year for c in reversed(found) if c.date and c.date.year), last_year
            )
            # a contact of a group ("президенты России, Турции и Ирана") is the story's people
            # until someone is named
            named = [c for c in found if c.participants and (not c.grouped or not context)]
            if named:
                context, context_day = named[0].participants, named[0].date
                story = story or context
            elif not context and (sides := next((c.sides for c in found if c.sides), ())):
                # "В Кремле состоялись российско-катарские переговоры": the story's pair is the
                # one person of each side the page names ("предыдущие встречи лидеров" next)
                if known is None:
                    known = self._known(text)
                context = self._side_people(text, sides, anchor, known)
        candidates = sided(self._nominatives(text, candidates), self.registry.sides)
        candidates = story_days(
            phone_talk(
                told_apart(
                    undone_plans(
                        settle_claims(
                            [c for c in candidates if len(c.participants) >= 2],
                            # "Захарова назвала фейком публикацию NBC … По версии NBC, …"
                            report_denied=any(
                                DENIAL_RE.search(s) and DENIED_PUBLICATION_RE.search(s)
                                for _, s in sentences
                            ),
                        )
                    )
                )
            )
        )
        default = (
            dateline
            or (PartialDate(anchor.year, anchor.month, anchor.day) if anchor else None)
            or stated
        )
        # (a count is dropped before the events it counts merge with it: "До саммита лидеры
        # дважды говорили по телефону. Первый разговор …")
        settled = counted_told(moved_then_held(merge_candidates(counted_told(candidates), default)))
        city = dateline_city(text) if dateline is not None else None
        # (only where the story's people meet that day: "АШХАБАД, 12 декабря. Путин встретился
        # с X … в Ашхабаде у Путина запланирована также встреча с Y")
        met_today = (
            {
                p
                for c in settled
                if c.status == "happened" and (c.date == dateline or (c.lead and c.date is None))
                for p in c.participants
            }
            if city is not None
            else set()
        )
        return [
            to_record(
                self._tenure_dated(c)
                if c.date is not None and c.date.year is None
                else replace(c, date=self._lead_date(sentences, c, anchor, known, default))
                if c.lead and c.date is None
                # "АШХАБАД, 12 декабря. … в Ашхабаде у Путина запланирована также встреча
                # с X": a plan in the dateline's city is of its day
                else replace(c, date=dateline)
                if city is not None
                and c.date is None
                and c.status == "planned"
                and c.place is not None
                and fold(c.place).lower()[:5] == fold(city).lower()[:5]
                and bool(met_today & set(c.participants))
                else c
            )
            for c in settled
            if c.sentence != TITLE
            # "Визит Лаврова и Шойгу в Турцию переносится": two travellers of one side, their
            # hosts untold, are no contact of each other
            and not (
                c.kind == "visit"
                and all(
                    self.registry.same_side(a, b)
                    for a, b in itertools.combinations(c.participants, 2)
                )
            )
        ]

    def _series(
        self,
        sentence: str,
        index: int,
        anchor: date | None,
        known: set[str],
        protagonist: tuple[str, PartialDate | None, int] | None,
    ) -> Series | None:
        """ "В понедельник она провела серию двусторонних встреч": the series' host (the
        sentence's dated subject, else its one subject or its pronoun's), its day, and whether
        it was held (its partners may then be told one per sentence)."""
        told = SERIES_OF_MEETINGS_RE.search(sentence)
        if told is None:
            return None
        held = HELD_BEFORE_RE.search(sentence, 0, told.start()) is not None
        if (
            protagonist is not None
            and protagonist[2] == index
            and protagonist[1] is not None
            and protagonist[1].day is not None
        ):
            return Series(index, protagonist[0], protagonist[1], held)
        if not held:
            return None
        work = blank_asides(sentence)
        hosts = {
            m.person
            for m in self.registry.scan(work, on=anchor, known=known)
            if "nomn" in m.cases and m.end <= told.start()
        }
        if (
            not hosts
            and protagonist is not None
            and SUBJECT_PRONOUN_RE.search(work, 0, told.start())
        ):
            hosts = {protagonist[0]}  # "На полях саммита он провел серию встреч"
        return Series(index, hosts.pop(), one_day(work, anchor), held) if len(hosts) == 1 else None

    def _series_partner(
        self, sentence: str, start: int, index: int, series: Series, anchor: date | None
    ) -> Candidate | None:
        """ "С президентом Черногории X обсуждалось …" after "провел серию встреч": the host's
        meeting with the one the sentence opens with."""
        opening = SERIES_PARTNER_RE.match(sentence)
        if opening is None:
            return None
        work = blank_asides(sentence)
        first = next(
            (m for m in self.registry.scan(work, on=anchor) if m.start >= opening.end()), None
        )
        if (
            first is None
            or "ablt" not in first.cases
            or first.person == series.host
            or TITLE_BREAK_RE.search(work, opening.end(), first.start)
            or first.start - opening.end() > TITLED_REACH
        ):
            return None
        return Candidate(
            participants=tuple(sorted((series.host, first.person))),
            kind="meeting",
            weak=False,
            status="happened",
            date=series.day,
            earlier=False,
            score=2,
            sentence=index,
            start=start,
            end=start + len(sentence),
            snippet=sentence,
            place=None,
            initiator=None,
            lead=series.day is None,
        )

    def _tenure_dated(self, c: Candidate) -> Candidate:
        """A day without a year on a page that names none ("Токио, 29 июля"): the one year in
        which all the people were in office on that day, if there is one."""
        when = c.date
        if when is None or when.month is None or when.day is None:
            return c
        year = self.registry.tenure_year(c.participants, when.month, when.day, date.today().year)
        return replace(c, date=PartialDate(year, when.month, when.day)) if year else c

    def _lead_date(
        self,
        sentences: list[tuple[int, str]],
        c: Candidate,
        anchor: date | None,
        known: set[str] | None,
        default: PartialDate | None,
    ) -> PartialDate | None:
        """The undated lead report's day: the one told next, else the page's. A report
        denied ("не подтвердил сообщение о встрече") came before the denial: its month."""
        told = self._told_next(sentences, c, anchor, known) or default
        return _month(told) if c.status == "denied" else told

    def _predecessor(self, work: str, m: Found) -> Found:
        """ "с предшественником Рубио на посту госсекретаря": the one who held his first
        office before him, when no name of his own follows (a full name after the word is
        the predecessor himself: "Ее предшественник Сигэру Исиба")."""
        if NAME_NEXT_RE.match(work, m.end) or " " in m.text.strip():
            return m
        before = self.registry.predecessor(m.person)
        return m if before is None else replace(m, person=before, via_office=True)

    def _subject_day(
        self,
        sentences: list[tuple[int, str]],
        index: int,
        anchor: date | None,
        known: set[str],
        subject: str,
    ) -> PartialDate | None:
        """The one day the sentence before names ("Поездка началась в воскресенье в Дакаре.
        Президент Сенегала провел с гостем переговоры"), else the day last told of the
        story's subject."""
        told = one_day(sentences[index - 1][1], anchor) if index else None
        return told or dict(self._antecedents(sentences, index, anchor, known)).get(subject)

    def _readout(
        self,
        title: str,
        sentences: list[tuple[int, str]],
        anchor: date | None,
        known: set[str],
    ) -> list[Candidate]:
        """ "Телефонный разговор с Президентом Киргизской Республики Садыром Жапаровым" over
        "Владимир Путин тепло поздравил Садыра Жапарова …": an official readout's title names
        the guest only; its owner is the one the lead names first as its subject."""
        guests = {m.person for m in self.registry.scan(title, on=anchor, known=known)}
        if len(guests) != 1 or not sentences:
            return []
        lead = blank_asides(sentences[0][1])
        owner = next(
            (
                m.person
                for m in self.registry.scan(lead, on=anchor, known=known)
                if "nomn" in m.cases and m.person not in guests
            ),
            None,
        )
        if owner is None:
            return []
        # the owner is the host of the title's partner-only contact, as a series host is
        heads = self._sentence(
            title, 0, title, TITLE, anchor, None, known, "", (), host=(owner, None, 0)
        )
        # (the readout's own news: of the lead, dated by the page unless the body tells it)
        return [
            replace(c, sentence=0, start=0, end=0, lead=c.date is None)
            for c in heads
            if owner in c.participants
        ]

    def _joint_subject(
        self, sentence: str, on: date | None, known: set[str]
    ) -> tuple[str, ...] | None:
        """ "X и Y объявили …": the two people a sentence names as its joint subject."""
        named = [
            m
            for m in self.registry.scan(blank_asides(sentence), on=on, known=known)
            if "nomn" in m.cases
        ]
        if (
            len(named) == 2
            and named[0].person != named[1].person
            and JOINT_GAP_RE.fullmatch(sentence, named[0].end, named[1].start)
        ):
            return tuple(sorted(m.person for m in named))
        return None

    def _sentence(
        self,
        text: str,
        offset: int,
        sentence: str,
        index: int,
        anchor: date | None,
        dateline: PartialDate | None,
        known: set[str],
        following: str,
        context: tuple[str, ...],
        host: tuple[str, PartialDate | None, int] | None = None,
        lead_limit: int = LEAD_SENTENCES,
        antecedents: tuple[tuple[str, PartialDate | None], ...] = (),
        years: dict[int, int] | None = None,
        after_trip: bool = False,
        prior: str = "",
        context_day: PartialDate | None = None,
        story_subject: tuple[str, Callable[[], PartialDate | None]] | None = None,
    ) -> list[Candidate]:
        """Candidates of one sentence; `story_subject` is the story's subject, for a bare title
        ("министр провел переговоры"), with how to find the day last told of him."""
        work = blank_asides(sentence)
        cues = find_cues(work)
        # "провели переговоры на следующий день после завершения саммита ШОС": the summit is
        # the time of the talks, not a contact of its own
        cues = [c for c in cues if not AFTER_FORUM_RE.search(work, 0, c.start)] or cues
        if not cues:
            return []
        told_before = (
            [h for h in find_date_hits(blank_asides(prior), published=anchor) if h.date.day]
            if prior and counts_later(work)
            else []
        )
        hits = with_days_later(
            work,
            year_in_sentence(
                work, stated_years(work, find_date_hits(work, published=anchor), years or {})
            ),
            # ("9 июня они созвонились. Через неделю …": counted from the day told before)
            told_before[-1].date if told_before else None,
        )
        # offices are resolved on the sentence's date: its first day, else the middle of its
        # first month ("с американским коллегой в марте 2023 года" is Blinken, not Rubio)
        # (not "с сентября прошлого года, когда …": the time of another event)
        months = [
            d
            for h in hits
            if h.date.precision == "month"
            and not SINCE_MONTH_RE.match(work, h.span.start)
            and (d := h.date.to_date())
        ]
        on = (
            next((h.date.to_date() for h in hits if h.date.precision == "day"), None)
            or (months[0].replace(day=15) if months else None)
            or anchor
        )
        mentions = self.registry.scan(work, on=on, known=known)
        mentions = self._complete_surnames(text, mentions)
        # "с помощником Трампа по национальной безопасности X": the boss is no party
        mentions = [
            self._predecessor(work, m) if PREDECESSOR_OF_RE.search(work, 0, m.start) else m
            for m in mentions
            if not boss_or_kin(work, m)
        ]
        cues = [c for c in cues if not aside(work, c, cues, mentions)]
        # "тогда за одним столом сидели премьер-министр Японии, президент Кореи и …": who
        # held the seats then is not told; only named people make this a contact
        cues = [
            c
            for c in cues
            if not (
                TABLE_CUE_RE.search(work, c.start, c.end) and all(m.via_office for m in mentions)
            )
        ]
        if not cues:
            return []
        plural = BARE_PLURAL_RE.search(work)
        own = tuple(dict.fromkeys(m.person for m in mentions if plural and m.end <= plural.start()))
        guest_named = False
        if (
            plural
            and len(own) == 1
            and story_subject is not None
            and story_subject[0] not in own
            and any(
                bare_title_rank(t.group(1)) == GUEST_RANK
                for t in BARE_TITLE_RE.finditer(work, 0, plural.start())
            )
        ):
            # "Президент Чили Борич провел гостя по музею, а затем политики провели переговоры":
            # the host and the story's traveller
            own = (own[0], story_subject[0])
            guest_named = True
        # "X принимал российского коллегу ..., и в тот же день лидеры ...": the sentence's
        # own pair before the story's
        if len(own) != 2 and BOTH_COUNTRIES_RE.search(work):
            # "в Токио прошли переговоры лидеров двух стран — с Кисидой" after "Юн Сок Ёль
            # съездил": the two countries are those of the two people the sentence names
            named = tuple(dict.fromkeys(m.person for m in mentions if not m.via_office))
            if len(named) == 2 and not self.registry.same_side(*named):
                own = named
        # "X находится в Китае по приглашению Y. В ходе визита они провели переговоры": with
        # nobody named in the sentence, "они" may be the two the sentence before names
        group_word = bool(
            MINISTERS_RE.search(work) or (len(context) < 2 and LEADERS_RE.search(work))
        )
        they_only = (
            not group_word
            and THEY_RE.search(work) is not None
            and all(m.via_office for m in mentions)
        )
        wants_nearby = group_word or they_only
        # "Первый день саммита у Владимира Путина расписан. Утром президент провел переговоры
        # с X": before any contact, a bare title is the person the sentence before names
        wants_pool = len(context) != 2 and BARE_TITLE_RE.search(work) is not None
        named_before = (
            self.registry.scan(blank_asides(prior), on=on, known=known)
            if prior and (wants_nearby or wants_pool)
            else []
        )
        nearby = (
            # (registry people only for "они": "Новак и принц Абдель Азиз" is no pair of two)
            tuple(m.person for m in named_before if m.known or not they_only)
            if wants_nearby
            else ()
        )
        if group_word and story_subject is not None and len(set(nearby)) == 1:
            # "В Самарканде канцлера встретил президент Узбекистана X. Затем лидеры провели
            # переговоры": the bare title before is the story's subject, when he holds it
            traveller = story_subject[0]
            ranks = {o.rank for o in self.registry.offices_held(traveller, on)}
            if traveller not in nearby and any(
                bare_title_rank(t.group(1)) in ranks
                for t in BARE_TITLE_RE.finditer(blank_asides(prior))
            ):
                nearby = (*nearby, traveller)
        groups = self.groups.find(
            work, on=on, context=own if len(own) == 2 else context, nearby=nearby
        )
        # (not a title with its holder's name: "главы дипломатии ЕС Жозепа Борреля")
        groups = [
            g
            for g in groups
            if not any(m.start < g.end and g.start < m.end and not m.via_office for m in mentions)
        ]
        if groups:
            mentions = [
                m for m in mentions if not any(m.start < g.end and g.start < m.end for g in groups)
            ]
            mentions = sorted(mentions + groups, key=lambda m: m.start)
        pool = (
            tuple(dict.fromkeys(m.person for m in named_before if m.known))
            if prior and wants_pool
            else context
        )
        if prior and (led := DELEGATION_LED_BY_RE.search(prior)) is not None:
            # "Делегацию ХАМАС возглавил X. … делегация встретилась с Y": X, for "делегация"
            mentions = self._delegation_head(work, mentions, prior, led.end(), on, known)
        titled = len(mentions)
        mentions, by_subject = self._bare_titles(
            work, mentions, pool, on, story_subject and story_subject[0]
        )
        # "В среду Лавров прилетел в Манагуа. … Сначала министр провел переговоры с X": the
        # story's subject, by a bare title, on the day told of him last (of the one the
        # sentence before names, on the one day it tells)
        subject_day = (
            story_subject[1]()
            if story_subject is not None and (by_subject or guest_named)
            else None
        )
        if subject_day is None and wants_pool and prior and len(mentions) > titled:
            subject_day = one_day(blank_asides(prior), anchor)
        previous = [
            c
            for c in cues
            if PREVIOUS_RE.search(work, 0, c.start)
            or (DEVELOPING_RE.search(work, 0, c.start) and not OWNER_AFTER_RE.match(work, c.end))
            # "Пятничный разговор стал первым после 13 мая": the pair talked on 13 May
            or (not c.verb and FIRST_SINCE_RE.match(work, c.end))
            or (not c.verb and FIRST_AFTER_RE.search(work, max(0, c.start - 60), c.start))
        ]
        nameless = all(m.via_office for m in mentions)
        if len({m.person for m in mentions}) < 2 or any(c.verb for c in cues) or nameless:
            # "что разговор якобы состоялся 7 ноября": a bare contact noun as the subject of
            # its clause, no party named before it, is the contact of the story's pair (or of
            # the pair of a contact verb before it: "X принимал Y: переговоры прошли ...")
            previous += [
                c
                for c in cues
                if not c.verb
                # "Очная встреча в Тегеране, которую лидеры собирались провести, отложена"
                and (
                    SUBJECT_NOUN_RE.match(work, c.end)
                    or PRECEDED_BY_RE.search(work, max(0, c.start - 40), c.start)
                    or (nameless and late_undoing(work, c, cues))
                )
                and not any(clause_bounds(work, c.start)[0] <= m.start < c.start for m in mentions)
            ]
        # "трехсторонняя встреча с участием X": the story's people take part
        previous += [c for c in cues if SIDED_RE.search(work, max(0, c.start - 30), c.start)]
        # "объявлено о подготовке саммита", "Сроки будапештской встречи не определены": a
        # nameless planned contact is the story's pair's
        framed = [
            c
            for c in cues
            if not c.verb
            # "подготовка визита" is the talk of the day, not a dated plan of the pair
            and c.kind != "visit"
            and PLAN_FRAME_RE.search(work, max(0, c.start - 40), c.start)
            and not FORUM_AFTER_RE.match(work, c.end)
            and not any(clause_bounds(work, c.start)[0] <= m.start < c.end for m in mentions)
        ]
        previous += framed
        # "11 мая, Маскат. Четвертый раунд.": a round of the rounds the story tells, nobody
        # named
        previous += [
            c
            for c in cues
            if not mentions
            and (
                ROUND_CUE_RE.match(work, c.start, c.end)
                or ROUND_BEFORE_RE.search(work, max(0, c.start - 30), c.start)
            )
            # (not "второй раунд переговоров делегаций России и Украины": those sides')
            and not self._others_event(work, c, mentions)
        ]
        entry = ENTRY_RE.match(work)
        if (
            entry is not None
            and hits
            and hits[0].span.start < entry.end()
            and not any(
                m.start < entry.end() + ENTRY_REACH and m.person not in context for m in mentions
            )
        ):
            # a chronicle's entry "12 февраля 2025 года — первый телефонный разговор": the
            # story's pair, on that day
            previous += [c for c in cues if entry.end() <= c.start < entry.end() + ENTRY_REACH][:1]
        persons = {m.person for m in mentions}
        if (
            len(context) != 2
            and len(persons) < 2
            and prior
            # (a sentence before that tells a contact of its own is its story's)
            and not has_cue(prior)
            and any(not c.verb and CIRCUMSTANCE_RE.search(work, 0, c.start) for c in cues)
        ):
            # "Си и король Бахрейна объявили о партнерстве. Решение было принято в ходе
            # переговоров": the two the sentence before names as its joint subject
            joint = self._joint_subject(prior, on, known)
            context = joint or context
        else:
            joint = None
        # (with nobody named only right after a dated trip of the pair: "Лукашенко прилетел
        # в Сочи 14 сентября. По итогам переговоров ...")
        # "После переговоров лидеры двух стран заявили …": the pair, by a group title
        group_after = len(persons) == 2 and nameless
        if (len(persons) == 1 or ((after_trip or joint) and not persons) or group_after) and (
            persons <= set(context) and len(context) == 2
        ):
            # "Трамп в ходе телефонного разговора предложил помощь": the story's pair
            told_by = AFTER_EVENT_RE if group_after else CIRCUMSTANCE_RE
            previous += [
                c
                for c in cues
                if not c.verb and told_by.search(work, 0, c.start) and c not in previous
            ]
        if (
            len(persons) < 2
            and not (previous and len(context) >= 2)
            and not (host and persons)
            and not (antecedents and persons)
            # "X побывал в Белом доме": the host is the office seated there
            and not (persons and RESIDENCE_VISIT_RE.search(work))
            # "X провел переговоры с американской делегацией": the story's people
            and not (
                len(persons) == 1
                and persons <= set(context)
                and len(context) >= 2
                and any(WITH_SIDE_RE.match(work, c.end) for c in cues)
            )
            # "В программе визита — переговоры с X": the story's visitor and X
            and not (
                persons
                and not persons & set(context)
                and len(context) == 2
                and SCHEDULE_RE.search(work)
            )
            # "Главным событием поездки стали переговоры с X": the story's traveller and X
            and not (
                len(persons) == 1
                and story_subject is not None
                and story_subject[0] not in persons
                and TRIP_EVENT_RE.search(work)
            )
        ):
            return []
        # one candidate per event of a pair: the same people with another date or an
        # "earlier" mark are another contact ("встретились 8 июля, а 9 июля провели переговоры")
        by_event: dict[tuple[tuple[str, ...], bool, PartialDate | None], Candidate] = {}
        for cue in cues:
            from_context = False
            crowd = CROWD_PARTNERS_RE.match(work, cue.end)
            if crowd and not any(
                crowd.end() <= m.start < clause_bounds(work, cue.start)[1] for m in mentions
            ):
                continue
            if cue.kind == "visit" and not cue.verb:
                # "Лавров, прилетевший в Армению с рабочим визитом в среду, в четверг вместе
                # с X посетил …": the trip of a participle naming nobody is no contact
                trip = next(((a, b) for a, b in participle_spans(work) if a < cue.start < b), None)
                if trip is not None and not any(trip[0] <= m.start < trip[1] for m in mentions):
                    continue
            # "В программе визита — переговоры с X": a contact of the visit's schedule
            scheduled = any(m.start() < cue.start for m in SCHEDULE_RE.finditer(work))
            found = self._participants(work, cue, cues, mentions, on)
            if (
                len(context) > 2
                and NEXT_EVENT_RE.search(work, max(0, cue.start - 25), cue.start)
                and all(f.via_office for f in found)
            ):
                # "Следующий саммит «четверки» пройдет в Индии": who comes to the next summit
                # of a format is not told; the group's people of today are no answer
                continue
            people = tuple(sorted({f.person for f in found}))
            here = next((k[0] for k in by_event if len(k[0]) >= 2), None)
            told_here = {p for k in by_event for p in k[0]}
            if BOTH_PARTNERS_RE.match(work, cue.end) and len(told_here) == 3:
                # "провел отдельные переговоры с X и с Y, а затем трехстороннюю встречу с
                # обоими лидерами": the subject and both partners
                people = tuple(sorted(told_here))
            if len(people) < 2 and cue in previous and here is not None:
                # "X принимал российского коллегу: переговоры прошли 19 октября": that pair
                people = here
            elif (
                len(people) < 2
                and cue.verb
                and here is not None
                and not found
                and COORDINATED_RE.search(work, max(0, cue.start - 20), cue.start)
            ):
                # "лидеры общались 2 апреля — по телефону, а встречались в ноябре": the
                # subject of the predicate before
                people = here
            elif (
                (sided := SIDED_RE.search(work, max(0, cue.start - 30), cue.start))
                and len(context) >= 2
                and len(set(people) | set(context)) == (3 if sided.group("three") else 4)
            ):
                # "прошла трехсторонняя встреча с участием X": the story's people and X
                people = tuple(sorted(set(people) | set(context)))
            elif (
                (sided := SIDED_RE.search(work, max(0, cue.start - 30), cue.start))
                and sided.group("three")
                and len(people) == 2
                and WITH_HIM_RE.search(work, cue.end)
                and (
                    announcer := next(
                        (
                            m.person
                            for m in mentions
                            if m.end <= cue.start and "nomn" in m.cases and m.person not in people
                        ),
                        None,
                    )
                )
            ):
                # "X объявил, что пройдут трехсторонние переговоры: с ним за один стол сядут Y
                # и Z": the third party is the one "с ним" stands for
                people = tuple(sorted({*people, announcer}))
            elif (
                (len(people) < 2 or cue.verb)
                and (apposed := APPOSED_SUBJECT_RE.match(work)) is not None
                and apposed.end() <= cue.start
                and len(
                    apposed_names := {
                        m.person
                        for m in mentions
                        if apposed.start(1) <= m.start and m.end <= apposed.end(1)
                    }
                )
                >= 2
                and (len(people) < 2 or not apposed_names <= set(people))
            ):
                # "Специальные представители Индии и Китая — Аджит Довал и Ван И — провели
                # переговоры": the group subject, named between dashes ("Президенты Польши и
                # Литвы — X и Y — встретились с Z": each of them, with Z)
                people = tuple(sorted(apposed_names | set(people)))
            elif (
                len(people) < 2
                and not cue.verb
                and len(context) >= 2
                and THEIR_RE.search(work, max(0, cue.start - 30), cue.start) is not None
            ):
                # "в июне их встреча была отложена": the two named before it in the sentence,
                # else the pair the article is about
                before = {m.person for m in mentions if m.end <= cue.start}
                people = tuple(sorted(before if len(before) == 2 else context))
            elif (
                len(people) == 1
                and len(context) == 2
                and scheduled
                and len(
                    guests := [
                        p
                        for p in context
                        if p != people[0] and not self.registry.same_side(p, people[0])
                    ]
                )
                == 1
            ):
                # "Путин принял Ли Шанфу. В программе визита — переговоры с Шойгу": the guest
                people = tuple(sorted((people[0], guests[0])))
            elif (
                len(people) == 1
                and scheduled
                and TRAVEL_RE.search(prior)
                and len(going := self._travellers(prior, on, known)) == 1
                and not self.registry.same_side(going[0], people[0])
            ):
                # "Из Токио Трамп в среду отправится в Южную Корею. В программе — встреча с
                # X": the traveller the sentence before names
                people = tuple(sorted((people[0], going[0])))
            elif (
                len(people) == 1
                and people[0] in context
                and len(context) >= 2
                and WITH_SIDE_RE.match(work, cue.end) is not None
            ):
                # "Дмитриев провел переговоры с Уиткоффом и Кушнером" (headline). "Дмитриев
                # провел переговоры с американской делегацией": the people the story names
                people = tuple(sorted(context))
            elif len(people) < 2 and cue in previous and len(context) >= 2:
                # "предыдущий разговор состоялся в декабре": the pair the article is about
                people = tuple(sorted(context))
                from_context = True
            hosted = False
            if (
                len(people) == 1
                and host
                and host[0] != people[0]
                and partner_only(work, found)
                # "Китайский министр … В первый же день он провел переговоры с X": the pronoun
                # is the subject, and it stands for someone else than the host
                and not (
                    antecedents
                    and antecedents[0][0] != host[0]
                    and SUBJECT_PRONOUN_RE.search(work, 0, cue.start)
                )
            ):
                # "Путин провел ряд встреч. Первой стала встреча с Си": the host of the series
                people, hosted = tuple(sorted((people[0], host[0]))), True
            if (
                len(people) == 1
                and not hosted
                and not cue.verb
                and story_subject is not None
                and story_subject[0] != people[0]
                and not (len(context) == 2 and people[0] in context)
                and not self.registry.same_side(story_subject[0], people[0])
                and WITH_PARTNER_RE.match(work, cue.end) is not None
                and not any("nomn" in m.cases and m.person == people[0] for m in found)
                and tells_schedule(work)
            ):
                # "Помпео отложил турне. … На 4 января в Минске были намечены встреча с X и
                # переговоры с Y": the plans of the story's traveller
                people = tuple(sorted((people[0], story_subject[0])))
            cs, ce = clause_bounds(work, cue.start)
            pairs = [people]
            via_pronoun, told_on = False, None
            pronoun = None
            lo = cs
            if antecedents and cue.verb:
                # ("он побывал в Вашингтоне, где встретился с X": the pronoun before "где")
                lo = clause_bounds(work, cs - 1)[0] if cs and elaboration(work, cs) else cs
                if cs and AND_VERB_RE.match(work, cs):
                    # "Он встретился с X – беседа прошла за ужином – и провел переговоры с Y":
                    # the subject of the sentence goes on past the aside
                    lo = 0
                spans = list(SUBJECT_PRONOUN_RE.finditer(work, lo, cue.start))
                pronoun = spans[-1] if spans else None
            elif antecedents and (colon := work.rfind(":", 0, cue.start)) > 0:
                # "Поездку он начал с Токио: 29 июля — переговоры с X": the subject of the
                # clause the list after the colon spells out
                spans = list(SUBJECT_PRONOUN_RE.finditer(work, 0, colon))
                if spans and not SUBJECT_PRONOUN_RE.search(work, colon, cue.start):
                    lo, pronoun = spans[-1].start(), spans[-1]
            possessive = not cue.verb and POSSESSIVE_BEFORE_RE.search(work, cs, cue.start)
            if (antecedents or possessive) and (
                len(people) < 2
                or not any(f.start < cue.start for f in found)
                # "после беседы с Путиным, он созвонился с X": the pronoun is the subject
                or (
                    pronoun is not None
                    and all(f.end <= pronoun.start() or f.start >= cue.end for f in found)
                )
                or WITH_PRONOUN_RE.match(work, cue.end) is not None
                or WITH_PRONOUN_BEFORE_RE.search(work, cs, cue.start) is not None
                # "принимал его в июле — вместе с X": the pronoun guest, X along
                or (cue.receive and GUEST_AFTER_RE.match(work, cue.end) is not None)
            ):
                resolved, told_on = self._with_antecedent(
                    work,
                    cue,
                    lo if pronoun is not None and pronoun.start() < cs else cs,
                    found,
                    mentions,
                    antecedents,
                )
                pairs, via_pronoun = resolved or pairs, bool(resolved)
            dated_days: dict[tuple[str, ...], list[PartialDate | None]] = {}
            listed_with_days = dated_partners(work, cue, cues, mentions)
            subject = {f.person for f in found if f.start < cue.end}
            if listed_with_days and len(subject) == 1:
                # "встречался …: с X — 9 апреля и 17 июня 2022 года, а с Y — 19 ноября"
                pairs = []
                for who, (ds, de) in listed_with_days:
                    pair = tuple(sorted(subject | {f.person for f in who}))
                    pairs.append(pair)
                    dated_days[pair] = [h.date for h in hits if ds <= h.span.start < de]
            elif len(people) > 2 and (
                PLURAL_CUE_RE.fullmatch(work, cue.start, cue.end)
                # "провел два телефонных разговора": one per partner
                or COUNTED_RE.search(work, max(0, cue.start - 40), cue.start)
                # "поговорил по телефону с X и отдельно с Y", "по десять минут с X и Y"
                or APART_RE.search(work, max(cs, cue.start - 30), ce)
            ):
                pairs = one_per_partner(cue, found) or pairs
            elif cue.receive and len(people) > 2:
                # "Чвэ Сон Хи, которую приняли глава МИД Ван И и сам Ли Цян": each host of one
                # side received the guest of another
                guests = [
                    p
                    for p in people
                    if not any(self.registry.same_side(p, q) for q in people if q != p)
                ]
                hosts_after = {f.person for f in found if f.start >= cue.end and "nomn" in f.cases}
                if (
                    len(guests) == 1
                    and RELATIVE_GUEST_RE.search(work, max(0, cue.start - 15), cue.start)
                    and hosts_after == set(people) - {guests[0]}
                ):
                    pairs = [tuple(sorted((guests[0], h))) for h in people if h != guests[0]]
            for people in pairs:  # each pair is one event
                if len(people) < 2 or rejected_offer(work, cue, cs, cues):
                    continue
                clause = work[cs:ce]
                frame = CIRCUMSTANCE_RE.search(work, cs, cue.start)
                if frame is not None and not cue.verb:
                    # "По итогам визита министры намерены ...": the frame noun is a circumstance
                    # of the clause, whose modality is not its status; only its own words count
                    status = status_of(work[frame.start() : cue.end])
                    if status == "happened" and DURING_RE.match(frame.group()):
                        # "в ходе переговоров лидеры обсудят …": during a contact still ahead
                        status = self._future_predicate(work[cue.end : ce]) or status
                else:
                    # "X предложил провести саммит, а в июне стороны провели переговоры": the
                    # modality before ", а" is another clause's
                    since = max(cs, cue.start - 60)
                    # (", и тогда лидеры ограничились …": so is the modality before it)
                    contrast = list(CONTRAST_RE.finditer(work, since, cue.start)) + list(
                        AND_THEN_RE.finditer(work, since, cue.start)
                    )
                    since = max(m.end() for m in contrast) if contrast else since
                    until = min(ce, cue.end + 40)
                    later = [c.start for c in cues if cue.end < c.start < until + 30]
                    if cue.verb is False and later:
                        # "в телефонном разговоре предложил провести саммит": the words right
                        # before the next contact word are its own (the proposal is the
                        # summit's, not the call's)
                        until = min(until, max(cue.end, later[0] - 30))
                    status = status_of(work[since:until], work[until:ce])
                    if status == "planned" and held_purpose(work, cs):
                        status = "happened"
                listed_after = next(
                    (
                        c
                        for c in reversed(cues)
                        if not c.verb
                        and not cue.verb
                        and cs <= c.start
                        and c.end <= cue.start
                        and AND_RE.fullmatch(work, c.end, cue.start)
                    ),
                    None,
                )
                if status == "happened" and listed_after is not None:
                    # "были намечены встреча с X и переговоры с Y": the nouns listed share the
                    # predicate told before the first
                    status = status_of(work[max(cs, listed_after.start - 60) : listed_after.end])
                # the held verb may stand past the window: "…, перенесенные со среды, прошли"
                status = held_after_move(status, work[cue.start : ce])
                if status == "happened" and not cue.verb and setting(work, cue):
                    # "на полях саммита встретятся X и Y": the setting has the verb's status
                    verb = next((c for c in cues if c.verb and cs <= c.start < ce), None)
                    if verb is not None:
                        verb_status = status_of(
                            work[max(cs, verb.start - 60) : min(ce, verb.end + 40)]
                        )
                        status = verb_status if verb_status in PLANS else status
                agreed = AGREED_ABOUT_RE.match(work, max(cs, cue.start - 2))
                if status == "happened" and agreed is not None:
                    status = "planned"  # "О встрече … договорились на прошлой неделе"
                if status == "happened" and scheduled:
                    status = "planned"  # "В программе визита — переговоры с X": not held yet
                if status in ("happened", "planned"):
                    nxt = min((c.start for c in cues if c.start > cue.end), default=ce)
                    stated = predicate_status(work[cue.end : min(ce, nxt, cue.end + 160)])
                    if stated and (status == "happened" or stated != "planned"):
                        status = stated
                # (a plan verb too: "собирались увидеться 1 сентября, однако та встреча не
                # состоялась")
                if status == "planned" or (status == "happened" and not cue.verb):
                    status = late_undoing(work, cue, cues) or status
                if status in ("happened", "planned"):
                    status = host_undone(work, cs, cue.start) or status
                answered_no = False
                if (cue.verb and ASKED_RE.match(work, cue.end)) or (
                    # "на вопрос, будет ли разговор с Путиным, ответил: «Всегда»"
                    not cue.verb and ASKED_BEFORE_RE.search(work, max(0, cue.start - 12), cue.start)
                ):
                    # "На вопрос, встречался ли Лула с Путиным, ответили: «Нет»": asked, and
                    # denied only when the answer is no
                    if NO_ANSWER_RE.search(sentence, cue.end) is None:
                        continue
                    status, answered_no = "denied", True
                if (
                    cue.kind == "phone"
                    and cue.verb
                    and (
                        (status in UNDONE and TRIP_UNDONE_RE.search(work, cue.end))
                        or (
                            status == "planned"
                            and INVITED_RE.search(work, cue.end)
                            and status_of(work[cs : cue.start]) == "happened"
                        )
                    )
                ):
                    # "Нетаньяху позвонил Моди, и они договорились перенести визит", "Макрон
                    # позвонил аш-Шараа и пригласил его во Францию": the call was held; the
                    # trip is what was put off or offered
                    status = "happened"
                denial = list(DENIAL_RE.finditer(work, 0, cue.start))
                if (
                    status != "denied"
                    and denial
                    # "отвергли разговоры о размолвке, напомнив, что министры встречались":
                    # what they recalled is no part of the denial
                    and not RECALLING_RE.search(work, denial[-1].end(), cue.start)
                ):
                    status = "denied"
                if cue in framed and status == "happened":
                    status = "planned"  # "Сроки встречи не определены": not held yet
                last_time = last_seen(work, cue) if status == "denied" and cue.verb else None
                if last_time is not None:
                    # "лично лидеры не встречались с 2016 года": they last met then
                    status = "happened"
                if (
                    status == "denied"
                    and not answered_no
                    and not DENIAL_RE.search(work)
                    and not SPEECH_RE.search(work)
                    and not QUOTE_RE.search(work)
                ):
                    # "Сунак с Трампом не встречался: тот не занимал пост": a fact told, not
                    # a report denied by anyone; but "встреча X с Y не состоялась" tells of a
                    # meeting that was to be, and was called off
                    if cue.verb or not NOT_TAKEN_PLACE_RE.match(work, cue.end):
                        continue
                    status = "cancelled"
                gaps = gapped_parties(work, cue, cues, people, found, mentions)
                rounds = more_rounds(work, cue, cues)
                if rounds is not None and len({f.person for f in found}) >= 2:
                    gaps.append((people, rounds))  # the same people on other days
                not_gapped = [
                    h for h in hits if not any(gs <= h.span.start < ge for _, (gs, ge) in gaps)
                ]
                when = contact_date(
                    work, cue, not_gapped, found, (cs, ce), cues, self.registry, self.lemmatizer
                )
                if when is None and (relative := own_relative(work, cue)) is not None:
                    # "разговор, который X и Y провели в сентябре": the relative clause's time
                    when = next(
                        (h.date for h in hits if relative[0] <= h.span.start < relative[1]), None
                    )
                if when is None and status in UNDONE:
                    # "отложил намеченный на 9 сентября визит, в ходе которого должна была
                    # состояться встреча с X": the day the trip was set for
                    when = next(
                        (
                            h.date
                            for h in hits
                            if h.span.end <= cue.start
                            and SET_FOR_DAY_RE.search(work, max(0, h.span.start - 60), h.span.start)
                        ),
                        None,
                    )
                if hosted and when is None and host is not None and not scheduled:
                    # ("Тогда он провел переговоры с X": the day told just before, see above)
                    then = dict(antecedents).get(host[0]) if THEN_START_RE.match(work) else None
                    when = then or host[1]
                if via_pronoun and when is None and status != "denied":
                    # "В воскресенье Шойгу ... Он также провел разговоры с ...": that day (not
                    # "Песков во вторник пояснил … а с X он не разговаривал": his day)
                    when = told_on
                if when is None and not scheduled and status == "happened":
                    when = subject_day
                if last_time is not None:
                    when = last_time
                earlier = is_earlier(clause, when, cue.start - cs)
                if cue in framed and not any(cue.end <= h.span.start < ce for h in hits):
                    when = None  # "после которого объявлено о подготовке саммита": undated
                if agreed is not None and any(h.span.start >= agreed.end() for h in hits):
                    when = None  # "договорились на прошлой неделе": when they agreed
                when = ahead(work, when, status, anchor, hits)
                eve = not cue.verb and EVE_OF_RE.search(work, max(0, cue.start - 30), cue.start)
                if eve and not any(cue.end <= h.span.start < ce for h in hits):
                    # "Накануне встречи с сирийским лидером Трамп объявил …": the eve of a
                    # contact is the day told, not the contact's
                    when = None
                if when is not None:
                    # "поездка, намеченная на 28–29 октября: встреча с X не состоится", "В
                    # кулуарах форума, который проходит 9–10 апреля, X встретился с Y": one of
                    # a range of days, the month is all that is sure
                    when = ranged_month(when, hits)
                # ("в июне … якобы позвонил": the claim's own time, not a denial's)
                denied_by = [d for d in denial if not d.group(0).lower().startswith("якобы")]
                if (
                    status == "denied"
                    and when is not None
                    and denied_by
                    and all(h.span.end <= denied_by[-1].start() for h in hits if h.date == when)
                ):
                    when = None  # "Песков в понедельник опроверг публикацию о разговоре": his day
                if answered_no and when is None and prior:
                    # "Лула в среду сделал остановку в Москве. На вопрос, встречался ли он с
                    # Путиным, ответили: «Нет»": not on the day just told
                    when = one_day(blank_asides(prior), anchor)
                if from_context:
                    # "Предыдущий визит Путина в Монголию состоялся в 2019 году": Mongolia's
                    # president of that day, not of the story's
                    story_on = context_day.to_date() if context_day is not None else None
                    people = self._holders_then(
                        people, {f.person for f in found}, story_on or anchor, when
                    )
                kind, weak = cue.kind, cue.weak
                if kind == "visit":
                    # "визит состоялся 11 января: тогда переговоры ...": the talks are the contact
                    kind = next(
                        (c.kind for c in cues if c.kind in ("talks", "meeting") and not c.weak),
                        kind,
                    )
                told_how = next(
                    (
                        c
                        for c in cues
                        if c.start > cue.end
                        and not c.weak
                        # (the clause right after the contact's: not "встретился с X, а затем
                        # вылетел в Доху, где провел переговоры с Y")
                        and work.count(",", cue.end, c.start) == 1
                        and ";" not in work[cue.end : c.start]
                        and (
                            (weak and WHERE_RE.search(work, cue.end, c.start))
                            or (
                                kind == "meeting"
                                and c.kind == "talks"
                                and WHERE_HELD_RE.search(work, cue.end, c.start)
                            )
                        )
                    ),
                    None,
                )
                if told_how is not None:
                    # "Первый контакт состоялся 9 июня, когда они говорили по телефону", "они
                    # увиделись 7 февраля в Белом доме, где провели переговоры": the clause
                    # after tells what the contact was
                    kind, weak = told_how.kind, False
                if kind != "phone" and by_phone(work, cue, cues, ce):
                    kind, weak = "phone", False
                fresh = (
                    not earlier
                    and (not weak or DONE_TALK_RE.match(work, cue.start) is not None)
                    and status == "happened"
                )
                lead = (
                    when is None
                    and fresh
                    and not eve
                    and (
                        0 <= index < lead_limit
                        or LIVE_TIME_RE.match(sentence) is not None
                        # "АШХАБАД, 12 декабря. … После заседания он встретился с X": a dateline
                        # story goes on telling its day
                        or (dateline is not None and not TOLD_TIME_RE.search(sentence))
                    )
                )
                score = 2 * cue.verb + (not weak) + (when is not None) + (status == "happened")
                # "поговорил", "разговор": face to face in a setting ("в кулуарах"), else a
                # call unless the sentence tells a contact face to face
                spoken = weak and SPOKE_RE.match(work, cue.start) is not None
                in_setting = spoken and IN_PERSON_SETTING_RE.search(work, cs, ce) is not None
                candidate = Candidate(
                    participants=people,
                    kind=kind,
                    weak=weak,
                    face=weak
                    and (
                        IN_PERSON_TALK_RE.match(work, cue.start) is not None
                        or (in_setting and cue.verb)
                    ),
                    spoken=spoken
                    and not in_setting
                    and not any(c.kind != "phone" and not c.weak for c in cues),
                    status=status,
                    date=when,
                    earlier=earlier,
                    score=score,
                    sentence=index,
                    start=offset,
                    end=offset + len(sentence),
                    snippet=sentence,
                    place=self._place(
                        clause,
                        cue.start - cs,
                        [
                            c.start - cs
                            for c in cues
                            if c is not cue and cs <= c.start < ce and not setting(work, c)
                        ],
                    )
                    if kind != "phone"
                    else None,
                    initiator=initiator(work, cue.start) or initiator(following, None),
                    grouped=all(f.via_office and not f.offices for f in found),
                    lead=lead,
                )
                if status == "happened" and (
                    ALLEGED_RE.search(work, max(cs, cue.start - 40), ce) or CLAIMED_RE.search(work)
                ):
                    candidate = replace(candidate, alleged=True)
                if cue in framed:
                    candidate = replace(candidate, framed=True)
                candidate = wording(candidate)
                if cue.receive or candidate.kind == "visit":
                    # "X принимал Y. Переговоры подвели итог визита": "принимал" words the
                    # kind only when no sentence names the event itself; so does the trip
                    # ("Программа визита началась с церемонии", the headline's "переговоры")
                    candidate = replace(candidate, worded=candidate.worded + RECEIVED_WORDING)
                # "встречались в Москве в марте 2023 года, в Пекине в октябре 2023-го и ...":
                # one contact for each date listed after the contact word
                dates: list[PartialDate | None] = dated_days.get(people) or [
                    *listed_dates(work, cue, not_gapped, (cs, ce), cues)
                ]
                if not dates and when is not None and cue.verb:
                    # "12 июля лидеры встретились в Вильнюсе, а 20 сентября — в Нью-Йорке":
                    # the same verb, gapped, on another day
                    hit = next(
                        (
                            h
                            for h in hits
                            if h.span.start > cue.end
                            and ELIDED_DAY_RE.search(work, max(0, h.span.start - 6), h.span.start)
                            and ELIDED_DAY_TAIL_RE.match(work, h.span.end)
                        ),
                        None,
                    )
                    if hit is not None and hit.date != when:
                        dates = [when, hit.date]
                for listed in dates or [when]:
                    event = candidate if listed == when else replace(candidate, date=listed)
                    key = (people, earlier, listed)
                    best = by_event.get(key)
                    # "впервые встретились 10 октября: переговоры прошли в формате завтрака":
                    # one event, its talks told ("беседа" never words it)
                    talks = (
                        best is not None
                        and {best.kind, event.kind} == {"meeting", "talks"}
                        and not (best.weak or event.weak)
                    )
                    if best is None or told_rank(event) > told_rank(best):
                        by_event[key] = replace(event, kind="talks") if talks else event
                    elif talks:
                        by_event[key] = replace(best, kind="talks")
                for others, (gs, ge) in gaps:
                    # "…, а на следующий день — с Y": the same verb, another partner and day;
                    # "…, второй и третий — 3 и 7 марта": the same people, one event a day
                    told = [h.date for h in hits if gs <= h.span.start < ge]
                    told_days: list[PartialDate | None] = [*told]
                    for day_told in (told_days if others == people else told_days[-1:]) or [when]:
                        event = replace(candidate, participants=others, date=day_told)
                        by_event.setdefault((others, earlier, event.date), event)
        events = list(by_event.values())
        during = [
            c
            for c in cues
            if not c.weak
            and not c.verb
            and WHEN_DURING_RE.search(work, max(0, c.start - 40), c.start)
        ]
        if during and all(e.weak for e in events):
            # "Предыдущий контакт министров состоялся 19 августа, когда в ходе телефонного
            # разговора …": the vague word is the contact the "когда" clause names
            events = [replace(e, kind=during[0].kind, weak=False) for e in events]
        # one sentence telling one event twice ("принимал ...: переговоры прошли 19 октября"):
        # the undated mention is the dated one (not when the dated one is their first:
        # "Моди встретился с X; впервые они встречались в августе 2023 года")
        return [
            c
            for c in events
            if c.date is not None
            or FIRST_MET_RE.search(work)
            or not any(
                o.date is not None
                and o.participants == c.participants
                and group_of(o.kind) == group_of(c.kind)
                and o.status == c.status
                for o in events
            )
        ]


def told_rank(c: Candidate) -> tuple[int, int, bool, int]:
    """`rank` within one sentence: "X принял Y, после чего они провели переговоры" words the
    event by its own noun, not by the welcome."""
    score, sentence, kind = rank(c)
    return (score, sentence, c.weak or c.worded < RECEIVED_WORDING, kind)


# an official readout's title: "Телефонный разговор с Президентом X", "Встреча с Y"
READOUT_TITLE_RE = re.compile(
    r"\W*(?:Телефонный разговор|Встреча|Переговоры|Беседа|Рабочая встреча)\s+с\s+(?-i:[А-ЯЁ])",
    re.IGNORECASE,
)
# a contact told as one of the past: "ранее", "в прошлый раз", "напомним", a year
TOLD_TIME_RE = re.compile(
    r"(?:19|20)\d\d|(?<![\w-])(?:ранее|прежде|впервые|тоже|в прошлый раз|напомн\w+|год\w{0,2})"
    r"(?![\w-])",
    re.IGNORECASE,
)
# a day told ("в воскресенье", "17 октября")
DAY_WORD_RE = re.compile(
    rf"(?<![\w-])(?:в|во)\s+{WEEKDAY_WORD}|\d{{1,2}}\s+{MONTH_WORD}", re.IGNORECASE
)
# "До начала саммита Эрдоган провел отдельную встречу с X": a contact of the forum's day
AT_FORUM_RE = re.compile(
    r"(?<![\w-])(?:до начала|перед началом|в ходе|на полях|в кулуарах|по окончании|после)"
    r"\s+(?:[а-яё]+\s+)?(?P<forum>саммит|форум|конференци|совещани|сесси)\w{0,2}(?![\w-])",
    re.IGNORECASE,
)
# "В Варшаве Сунак встретился и с X" after "Сунак во вторник прилетел в Варшаву, где …"
CITY_START_RE = re.compile(r"\W*(?:В|Во)\s+(?P<city>[А-ЯЁ][а-яё]{3,})е(?![\w-])")


def same_place_day(
    found: list[Candidate], sentence: str, before: list[tuple[int, str]], told: list[Candidate]
) -> list[Candidate]:
    """An undated contact told "В Варшаве X встретился и с Y" right after a dated contact of
    X's in the city the sentences before took him to, or "до начала саммита" (of a forum)
    after a dated contact at that forum: that contact's day."""
    if SAME_DAY_RE.search(sentence):
        return found  # "В воскресенье открылся саммит. В тот же день …": the day told since
    city = CITY_START_RE.match(sentence)
    forum = AT_FORUM_RE.search(sentence)
    at_forum = forum is not None and any(
        forum.group("forum").lower() in text.lower() for _, text in before
    )
    if not at_forum and (
        city is None
        or not any(
            re.search(rf"(?<![\w-])(?:в|во)\s+{city.group('city')}\w{{0,2}}(?![\w-])", text)
            for _, text in before
        )
    ):
        return found
    first = before[0][0] if before else -1
    dated = [
        c
        for c in told
        if (c.start >= first or at_forum)
        and c.status == "happened"
        and c.date is not None
        and c.date.precision == "day"
    ]
    out = []
    for c in found:
        ref = next((d for d in reversed(dated) if set(d.participants) & set(c.participants)), None)
        # (no other day told since that contact: "В воскресенье открылся саммит")
        day = (
            ref.date
            if ref is not None
            and not any(o > ref.start and DAY_WORD_RE.search(text) for o, text in before)
            else None
        )
        if c.date is None and c.status == "happened" and day is not None:
            c = replace(c, date=day)
        out.append(c)
    return out


def following_sentence(sentences: list[tuple[int, str]], index: int) -> str:
    """The text of the sentence after `index` ("" after the last)."""
    return sentences[index + 1][1] if index + 1 < len(sentences) else ""


# "в таком составе", "в этом формате": the lineup of the contact told last
SAME_LINEUP_RE = re.compile(
    r"(?<![\w-])в (?:таком|этом|том же|этом же|таком же) (?:составе|формате)(?![\w-])",
    re.IGNORECASE,
)


def lineup(candidates: list[Candidate]) -> tuple[str, ...]:
    """The people of the last contact of three or more told ("трехсторонняя встреча")."""
    return next((c.participants for c in reversed(candidates) if len(c.participants) > 2), ())


def rounds_pair(candidates: list[Candidate]) -> tuple[str, ...]:
    """The people of the last contact told as a round of talks ("Третий раунд …")."""
    return next(
        (
            c.participants
            for c in reversed(candidates)
            # (not "Телефонный разговор X и Y: X предлагает провести третий раунд")
            if len(c.participants) == 2 and c.kind != "phone" and ROUNDS_RE.search(c.snippet)
        ),
        (),
    )


def chronological(sentences: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A live blog told newest first ("07:00 Встреча завершилась" above "05:20 Трамп и Си
    начали встречу") is read oldest first, so that a nameless entry follows the one before
    it in time; any other text is left as it is."""
    entries = [
        (k, int(m.group("h")) * 60 + int(m.group("m")))
        for k, (_, sentence) in enumerate(sentences)
        if (m := LIVE_TIME_RE.match(sentence)) is not None
    ]
    times = [t for _, t in entries]
    if len(entries) < 3 or any(a <= b for a, b in itertools.pairwise(times)):
        return sentences
    starts = [k for k, _ in entries]
    blocks = [sentences[a:b] for a, b in zip(starts, [*starts[1:], len(sentences)], strict=True)]
    return [*sentences[: starts[0]], *(s for block in reversed(blocks) for s in block)]


def _lead_limit(sentences: list[tuple[int, str]]) -> int:
    """Index past the lead: headline lines and stamps ("9 сентября 2021, 18:55") don't count."""
    real = 0
    for index, (_, sentence) in enumerate(sentences):
        if LEFTOVER_END_RE.search(sentence) and len(sentence.split()) >= 4:
            real += 1
            if real == LEAD_SENTENCES:
                return index + 1
    return len(sentences)


# "в среду прошел саммит", "В Тиране открылся форум": a forum held, told in the lead
FORUM_HELD_RE = re.compile(
    r"(?<![\w-])(?:прош[её]л|прошла|состоял(?:ся|ась)|открыл(?:ся|ась)|стартовал\w?)\s+"
    r"(?:[\w«»\"-]+\s+){0,2}?(?:саммит|форум|конференци|совещани)\w*"
    r"|(?<![\w-])(?:саммит|форум|конференци|совещани)\w*\s+(?:[\w«»\"-]+\s+){0,4}?"
    r"(?:прош[её]л|прошла|состоял(?:ся|ась)|открыл(?:ся|ась))(?![\w-])",
    re.IGNORECASE,
)


def forum_day(lead: str, published: date) -> PartialDate | None:
    """The day of a forum the lead tells held ("в среду прошел саммит"), when it is the only
    day the lead names and a recent one."""
    if FORUM_HELD_RE.search(lead) is None:
        return None
    return recent_day(lead, published)


def recent_day(text: str, published: date) -> PartialDate | None:
    """The one day a headline or a lead names, when it is the news day or a few days before."""
    days = [h.date for h in find_date_hits(text, published=published) if h.date.day]
    told = days[0].to_date() if len(days) == 1 else None
    if told is None:
        return None
    back = (published - told).days
    return days[0] if 0 <= back <= NEWS_AGE_DAYS else None


def _month(day: PartialDate | None) -> PartialDate | None:
    """The month of a date ("22 ноября 2023" -> "ноябрь 2023")."""
    return PartialDate(day.year, day.month) if day is not None and day.month else day
