"""The clause around a contact word: who its partners, guests and hosts are, how it is told.

Owns the wording patterns ContactExtractor reads a clause with (gaps between names, genitive
chains, pronouns, guests of "принял", participle agents, bare titles, frames and predicates)
and the pure helpers over them: partners and antecedents of a contact word, its manner (by
phone), an earlier event, a late predicate that undoes it, the side that initiated it.
"""

from __future__ import annotations

import re

from retrieval.contact_dates import FORUM_RE, HELD, NOT_BEFORE_RE, setting
from retrieval.cues import (
    ANY_RELATIVE_RE,
    EARLIER_DATED_RE,
    EARLIER_RE,
    INITIATIVE_RE,
    LIGHT_VERB_RE,
    MANNER_PHONE_RE,
    NEVER_HELD,
    PARTICIPATION_RE,
    PHONE_ACT,
    PREDICATE_STATUS,
    UNDONE_THING_RE,
    VENUE_MOVE_RE,
    WITH_RE,
    Cue,
    clause_bounds,
    has_cue,
    status_of,
)
from retrieval.offices import RELATION_WORDS, SIDE_ADJECTIVES
from retrieval.people import Found
from retrieval.textclean import MONTH_ALT
from retrieval.types import PartialDate, Status

GAP_RE = re.compile(r"[\s,]*(?:и|,)?[\s,]*")
TITLED_GAP_RE = re.compile(
    r"\s*(?:,\s*|\s+и\s+|,\s*а также\s+)[а-яё-]+(?:ом|ем|ём|ой|ей)\s+(?:[\w«»\"-]+\s+){0,4}"
)
GENITIVE_TITLE_GAP_RE = re.compile(
    r"\s*(?:,\s*|\s+и\s+)(?:[а-яё-]+(?:ого|его|ой|ей|ых|их|а|я|ы)\s+){1,3}"
    # the side: "НАТО", or a country's genitive the registry has no office for ("Швеции")
    r"(?:[А-ЯЁA-Z]{2,5}\s+|(?-i:[А-ЯЁ][а-яё]+[иы])\s+)?"
)
CHAIN_GAP_RE = re.compile(r"(?:\s+[а-яё-]+){0,3}\s+|\s*(?:,|и)\s*|\s*", re.IGNORECASE)
PREPOSITIONS = frozenset(
    [
        "с",
        "со",
        "в",
        "во",
        "на",
        "о",
        "об",
        "по",
        "к",
        "ко",
        "для",
        "между",
        "при",
        "от",
        "до",
        "из",
        "за",
        "у",
        "над",
        "под",
        "через",
        "про",
        "без",
    ]
)
# the words after a contact noun, to find a genitive of other parties
NEXT_WORDS_RE = re.compile(r"\s+([а-яё]+)(?:\s+([а-яё]+))?")
# genitives that describe the contact, not its parties: "встреча высокого уровня"
NOT_PARTY_HEADS = frozenset({"уровня", "формата", "характера", "типа", "масштаба"})
# "встреча глав правительств двух стран", "переговоры лидеров России и Китая": the title of
# the pair's own people, not other parties' event
PAIR_TITLE_RE = re.compile(
    r"\s+(?:глав|лидеров|министров|руководителей|президентов|премьер(?:-министр)?ов"
    r"|председателей)(?:\s+[а-яё]+){0,3}\s+(?:(?:двух|обеих|обоих)\s+(?:стран|государств)"
    r"|[А-ЯЁ][а-яё]+\s+и\s+[А-ЯЁ][а-яё]+)(?![\w-])"
)
# "в Сочи", "в южнокорейском Пусане" (an adjective of the country before the city)
PLACE_RE = re.compile(
    r"(?<![\w-])(?:[вВ]о?|[нН]а)\s+(?:[а-яё]+(?:ом|ой|ем|ей)\s+)?([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)"
)
# "на Западе" is a side of the world, not where a meeting was
NOT_PLACES = frozenset(["запад", "восток", "север", "юг"])
ANTECEDENT_GAP_RE = re.compile(r"\s*(?:,|и)\s+(?:[\w«»-]+\s+){0,5}", re.IGNORECASE)
CALL_VERB_RE = re.compile(r"(?:по)?звони(?:л|т|ят)", re.IGNORECASE)
BY_PHONE_VERB_RE = re.compile(
    r"по телефону [а-яё]+|[а-яё]+ по телефону|набрал\w{0,2}"
    rf"|{PHONE_ACT}",
    re.IGNORECASE,
)  # "позвонил министру": partner in dative
# "Помпео принял ...": the guest right before "принял" (a few adverbs may stand between)
# (a place may stand between too: "Милея в Буэнос-Айресе навестил X")
GUEST_GAP_RE = re.compile(
    r"\s+(?:(?:[а-яё]+|(?:в|во|на)\s+(?-i:[А-ЯЁ])[\w-]+)\s+){0,2}", re.IGNORECASE
)
# "высокого гостя принял X": the guest the story follows, told like a pronoun
# ("гостя с почетным караулом встретила Санду": the bare word too)
HONORED_GUEST = r"(?:(?:высок|почетн|почётн)\w{2,3}\s+)?гост(?:я|ью)"
# "саудовского министра принял X": the guest the story follows, told by his side
SIDE_GUEST = r"[а-яё]+(?:ского|цкого)\s+(?:министра|гостя)"
# "с ним встретился X", "переговоры Путина с ним"
WITH_HIM = r"с (?:ним|ней|гостем)"  # ("с гостем встретился X": the guest the story follows)
GUEST_PRONOUN_RE = re.compile(
    # "его принял X", "высокого гостя принял X": the person the story follows
    rf"(?<![\w-])(?:его|ее|её|{HONORED_GUEST}|{SIDE_GUEST})\s+(?:[а-яё]+\s+){{0,4}}$",
    re.IGNORECASE,
)
RELATIVE_GUEST_RE = re.compile(r",?\s*котор(?:ого|ую|ых)\b", re.IGNORECASE)
# a third-person pronoun standing for a participant named in an earlier sentence
PRONOUN_RE = re.compile(
    rf"(?<![\w-])(?:он|она|его|ее|её|мы|я|ним|ней|него|нее|неё|гостем|{HONORED_GUEST}|{SIDE_GUEST})"
    r"(?![\w-])",
    re.IGNORECASE,
)
# "Его встреча с Зеленским назначена на четверг": the possessive is a party
# ("у него запланирована встреча с X": his)
POSSESSIVE_BEFORE_RE = re.compile(
    # ("у него был первый телефонный разговор с X")
    r"(?<![\w-])(?:его|ее|её|(?:у него|у нее|у неё)(?:\s+[а-яё]+)?)\s+(?:[а-яё]+\s+)?$",
    re.IGNORECASE,
)
SUBJECT_PRONOUN_RE = re.compile(r"(?<![\w-])(?:он|она|мы|я)(?![\w-])", re.IGNORECASE)
WITH_PRONOUN_RE = re.compile(rf"\s+(?:[А-ЯЁа-яё]+\s+)?(?:{WITH_HIM}|со мной|с нами)(?![\w-])")
# the pronoun partner before the verb: "24 февраля с ним встретился Макрон"
WITH_PRONOUN_BEFORE_RE = re.compile(rf"(?<![\w-]){WITH_HIM}\s+(?:[а-яё]+\s+)?$", re.IGNORECASE)
# "с ним" anywhere in a text
WITH_HIM_RE = re.compile(rf"(?<![\w-]){WITH_HIM}(?![\w-])", re.IGNORECASE)
# partners listed after a colon or dash: ": сначала с X, затем с Y", " — с X и Y"
PARTNER_LIST_RE = re.compile(
    r"(?::|\s[–—-])\s*(?:сначала|вначале|первым делом|в том числе|в частности)?\s*со?\s",
    re.IGNORECASE,
)
# "переговоры с руководством Африканского союза — X и Y": the group, then its members
# after the dash
WITH_GROUP_RE = re.compile(
    r"(?<![\w-])со?\s+(?:руководством|лидерами|главами|руководителями|председателями"
    r"|представителями|делегацией|делегациями)(?:\s+[^\s,.;:—–«»]+){0,4}\s*$",
    re.IGNORECASE,
)
MEMBERS_DASH_RE = re.compile(r"\s*[–—]\s*(?=(?-i:[А-ЯЁ]))")
# the dash right before a member: "с руководством АС — X"
MEMBERS_AFTER_GROUP_RE = re.compile(r"\s*[–—]\s*$")
LIST_END_RE = re.compile(r"[;:«»\"“”()]|\s[–—-]\s")
# (the members end where the list does, or where the clause turns: ", а потом встретился")
MEMBERS_END_RE = re.compile(LIST_END_RE.pattern + r"|,\s+(?:а|но|затем|потом|после чего)\s")
# a gapped clause repeating the contact verb: ", а на следующий день — с Y" (the same
# subject), ", а спустя три дня, 27 февраля, — Z" (the same partner)
# (", затем — с Y", ", а затем с Y": the same subject and verb, the next partner)
ELLIPSIS_RE = re.compile(
    r",\s+(?:а\s+[^.;:—–«»]{1,80}?,?\s+[—–-]\s+"
    r"|(?:а\s+)?(?:затем|потом|после этого|позднее|позже)\s*(?:[—–-]\s*)?(?=со?\s))",
    re.IGNORECASE,
)
# "Первый раунд … состоялся 28 февраля, второй и третий — 3 и 7 марта": more rounds
FIRST_ROUND_RE = re.compile(
    r"(?<![\w-])(?:перв(?:ый|ая|ое)|начальн\w+)\s+(?:[а-яё]+\s+)?$", re.IGNORECASE
)
MORE_ROUNDS_RE = re.compile(
    r",\s*(?:а\s+)?(?:втор(?:ой|ая|ое)|треть(?:я|е)|трет(?:ий))"
    r"(?:\s*(?:,|и)\s*(?:трет\w+|четв[её]рт\w+|пят\w+|шест\w+))*\s+[—–-]\s+",
    re.IGNORECASE,
)
DASHED_MANNER_RE = re.compile(rf"\s[—–-]\s*(?:{MANNER_PHONE_RE.pattern})", re.IGNORECASE)
# a second predicate of the same subject: "лидеры общались 2 апреля, а встречались в ноябре"
COORDINATED_RE = re.compile(r"(?:,\s*а|,?\s+и|,\s*но)\s+(?:уже\s+|также\s+|тоже\s+)?$")
FIRST_PERSON_RE = re.compile(r"(?<![\w-])(?:мы|я)(?![\w-])", re.IGNORECASE)
FEMININE_PRONOUNS = frozenset(["она", "ее", "её", "ней", "нее"])
MASCULINE_PRONOUNS = frozenset(["он", "его", "ним", "него"])
PRONOUN_WORD_RE = re.compile(r"\s*(?:с\s+)?(?<![\w-])(его|ее|её|ним|ней)(?![\w-])", re.IGNORECASE)
# "Накануне президент принял Моди", "встретился с наследным принцем": stem -> rank
GUEST_RANK = "guest"  # no office: the story's subject, whatever he holds
BARE_TITLE_RANKS = {
    "президент": "president",
    "премьер": "prime_minister",
    "канцлер": "chancellor",
    "корол": "king",
    "монарх": "king",  # "Переговоры монарха с российским лидером"
    "наследн": "crown_prince",
    "генсек": "secretary_general",  # "Трамп принял генсека" in a story of NATO's head
    # "Сначала министр провел переговоры с X" in a story of a foreign minister's tour
    "министр": "foreign_minister",
    # "Президент Сенегала провел с гостем переговоры": the traveller the story follows
    "гост": GUEST_RANK,
}
BARE_TITLE_RE = re.compile(
    r"(?<![\w-])(?<!-)(президент|премьер(?:-министр)?|канцлер|генсек|корол(?=[ьяюеё])|монарх"
    r"|наследн\w{2,3} принц|министр|гост(?=ем\b|я\b|ю\b))"
    r"(?:а|у|ом|е|ь|я|ю|ем|ём)?(?![\w-])"
    r"(?!\s+(?-i:[А-ЯЁ]))"  # "президент Франции", "президент США" are titles of their own
    # ("министр обороны", "министр по делам …": another ministry's)
    r"(?!\s+(?:иностранных|обороны|по делам|финансов|экономи\w+|внутренних|юстиции|энергетики"
    r"|торговли|промышленности|культуры|образования|здравоохранения|транспорта|труда|сельского"
    r"|природных|цифрового|спорта|строительства|просвещения|науки|без)(?![\w-]))"
    # ("стал главным гостем парада": the guest of an event, no contact's)
    r"(?!\s+(?:парада|форума|саммита|церемони[иий]|торжеств|праздник|фестивал|юбиле)\w*)",
    re.IGNORECASE,
)


def bare_title_rank(title: str) -> str:
    """The rank of a bare title matched by BARE_TITLE_RE ("наследным принцем" -> crown_prince)."""
    word = title.lower()
    return next(rank for stem, rank in BARE_TITLE_RANKS.items() if word.startswith(stem))


# contact nouns in the plural: one event with each partner ("провел разговоры с X, Y и Z")
PLURAL_CUE_RE = re.compile(
    r"(?:телефонн\w+\s+)?(?:разговор(?:ы|ов|ами)|встреч(?:и|ами)|бесед(?:ы|ами)|контакт(?:ы|ами))",
    re.IGNORECASE,
)
# a count before a contact noun: "два телефонных разговора", "три встречи"
COUNTED_RE = re.compile(
    # ("провел отдельные переговоры с X и с Y": one with each)
    r"(?<![\w-])(?:два|две|три|четыре|пять|шесть|оба|обе|несколько|ряд|отдельн\w{2,3})"
    r"\s+(?:[а-яё]+\s+)?$",
    re.IGNORECASE,
)
# the same told by an adverb near the contact word: "поговорил по телефону с X и отдельно с
# Y", "по десять минут поговорил с X и Y", "поочередно поговорил с X и Y"
APART_RE = re.compile(
    r"(?<![\w-])(?:и\s+)?(?:отдельно|по отдельности|поочередно|по очереди"
    r"|по (?:десять|пять|пятнадцать|двадцать|полчаса|часу)\w*(?:\s+минут)?)"
    r"(?:\s+(?:с|со))?(?![\w-])"
    # "встретился с Нетаньяху и с президентом Герцогом": "с" again, a meeting with each
    r"|(?<![\w-])и\s+со?\s+(?=[А-ЯЁа-яё])",
    re.IGNORECASE,
)
# words that end a time adverbial before the subject: "Последний раз", "в том году"
TIME_WORDS = frozenset(
    {
        "раз",
        "году",
        "месяце",
        "неделе",
        "день",
        "днем",
        "вечером",
        "утром",
        "ночью",
        "затем",
        "позже",
    }
    # "12 сентября 2019 года Нетаньяху прилетел": the end of a date
    | {"года", "г", "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа"}
    | {"сентября", "октября", "ноября", "декабря", "понедельник", "вторник", "среду"}
    | {"четверг", "пятницу", "субботу", "воскресенье", "вчера", "сегодня", "накануне"}
    # "В июне Лукашенко принимал …": a month before an indeclinable subject
    | {"январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе", "сентябре"}
    | {"октябре", "ноябре", "декабре"}
)
# "Это первая их личная беседа после разговора по видеосвязи 6 октября": the pair's
# earlier contact, told after "первая … после"
FIRST_AFTER_RE = re.compile(
    r"(?<![\w-])(?:перв\w{2,3}|впервые)\s+(?:[а-яё]+\s+){0,3}после\s+$", re.IGNORECASE
)
# "достигнутых X в ходе беседы": the frame between a participle's agent and the contact
AGENT_FRAME_RE = re.compile(
    r"\s*(?:в ходе|во время|в рамках|на|по итогам)\s+(?:[а-яё]+\s+){0,2}$", re.IGNORECASE
)
# pymorphy reads some passive participles as adjectives: "достигнутых", "принятых"
PASSIVE_PARTICIPLE_RE = re.compile(r"(?:нн|[уяи]т)(?:ых|ого|ой|ым|ыми|ую|ая|ые|ый|ом)$")
# a contact word that refers back to the pair of the story: "предыдущий телефонный разговор"
# "предыдущий разговор", "ответные переговоры" (the return visit): the story's pair again
PREVIOUS_RE = re.compile(
    r"(?<![\w-])(?:предыдущ|прошл|последн|ответн)\w{2,3}\s+(?:[а-яё]+\s+)?$", re.IGNORECASE
)
# "В развитие телефонного разговора 25 августа продолжен обмен мнениями": the story pair's
# earlier contact, when the noun names no one ("в развитие разговора президентов 12
# февраля" is theirs)
DEVELOPING_RE = re.compile(r"(?<![\w-])в (?:развитие|продолжение)\s+(?:[а-яё]+\s+)?$", re.I)
# a name or a title right after a contact noun: whose contact it is
OWNER_AFTER_RE = re.compile(
    r"\s+(?:[а-яё]+\s+)?(?:(?-i:[А-ЯЁ])|(?:президент|лидер|глав|министр|премьер|канцлер"
    r"|госсекретар|руководител)\w*)",
    re.IGNORECASE,
)
# a contact noun framing the clause's event: "по итогам визита", "в ходе переговоров"
CIRCUMSTANCE_RE = re.compile(
    r"(?<![\w-])(?:в ходе|во время|по итогам|в рамках|по завершении)\s+(?:[а-яё]+\s+){0,2}$",
    re.IGNORECASE,
)
# a contact noun followed by its predicate: "разговор (якобы) состоялся", "встреча прошла"
SUBJECT_NOUN_RE = re.compile(
    # "Встреча 22 сентября длилась несколько часов": the day may stand before the verb
    rf"(?:\s+\d{{1,2}}\s+(?:{MONTH_ALT})(?:\s+\d{{4}}\s+года)?)?"
    rf"\s+(?:якобы\s+|уже\s+|действительно\s+)?(?:{HELD}"
    r"|(?:продолжил|продолжал|начал|завершил|длил|продлил)(?:ся|ась|ись|ось)"
    # "Переговоры подвели итог визита"
    r"|подвел[аи]?)(?![\w-])"
    # "Беседа (с главой французской дипломатии) была назначена на 29 июля": a plan told in
    # the past, something befell it
    r"|(?:\s+с\s+(?-i:(?:[а-яё]+\s+){0,2}[а-яё]+))?\s+был[аио]?\s+"
    r"(?:назначен|запланирован|намечен)[аоы]?(?![\w-])",
    re.IGNORECASE,
)
# "Личной встрече предшествовал разговор 6 октября": the subject after its verb
PRECEDED_BY_RE = re.compile(
    r"(?<![\w-])(?:предшествовал\w{0,2}|предшествуют|предшествует"
    # "Осенью последовали два звонка подряд": more contacts of the same people
    r"|последовал\w{0,2}|последуют|последует)\s+(?:[а-яё]+\s+){0,2}$",
    re.IGNORECASE,
)
ALLEGED_RE = re.compile(r"(?<![\w-])якобы(?![\w-])", re.IGNORECASE)
# a report's claim: "По версии NBC, …", "Газета со ссылкой на источники утверждала, что …"
CLAIMED_RE = re.compile(
    r"^\W*(?:По версии|По утверждению|По данным (?:газеты|издания|телеканала|агентства))\b"
    r"|(?<![\w-])утверждал[аи]?,\s+что(?![\w-])"
    # "Газета The New York Times со ссылкой на чиновников написала, что …"
    # ("Агентство Bloomberg со ссылкой на источники сообщило, что …")
    r"|(?<![\w-])(?:[Гг]азет[аы]|[Ии]здани[ея]|СМИ|[Тт]елеканал|[Аа]гентств[оа])(?![\w-])[^.;]{0,120}?"
    r"(?<![\w-])(?:написал[аио]?|сообщил[аио]?|пишет|пишут)(?:,|\s+о\s+том,)\s+что(?![\w-])"
)
# a denial of a report: "назвала фейком публикацию", "опроверг сообщения о разговоре"
DENIED_PUBLICATION_RE = re.compile(
    r"(?<![\w-])(?:публикаци|сообщени|стать[юиея]|материал|информаци)\w*", re.IGNORECASE
)
NOT_HELD_RE = re.compile(
    # ("однако та встреча не состоялась": the plan named again)
    r"(?<![\w-])(?:она|он|оно|они|(?:та|эта|тот|этот|те|эти)\s+(?:встреча|визит|поездка"
    r"|переговоры|разговор|беседа))\s+(?:так\s+и\s+|тогда\s+)?(?:не\s+состоял(?:ась|ся|ось|ись)"
    # ("должна была пройти и его встреча с X, но она сорвалась")
    r"|сорвал(?:ась|ся|ось|ись))",
    re.IGNORECASE,
)
# "должна была пройти 24 мая, но ее отменили / но она была перенесена": the plan itself undone
UNDONE_AFTER_RE = re.compile(
    r",\s*(?:но|однако)\s+(?:\w+\s+){0,2}?(?:(?:ее|его|их)\s+(?P<active>отменили|отложили|перенесли)"
    r"|(?:она|он|оно|они)\s+(?:был[аои]?\s+)?(?P<passive>отменен|отложен|перенесен)\w{0,2})\b",
    re.IGNORECASE,
)
# "… встречу отменила": the contact word followed by its undoing verb
AGAIN_UNDONE_RE = re.compile(
    r"\s+(отменил\w{0,2}|отложил\w{0,2}|перенесл\w{0,2}|перенес|отменен\w{0,2}|отложен\w{0,2}"
    # "собирались увидеться 1 сентября, однако та встреча не состоялась"
    rf"|{NEVER_HELD})"
    r"(?![\w-])",
    re.IGNORECASE,
)
CONTRAST_RE = re.compile(r",\s*(?:но|а|хотя|однако|зато)\s", re.IGNORECASE)
# "В июле умер X, и 3 августа лидером был избран Y": a clause of its own joined by ", и"
AND_CLAUSE_RE = re.compile(r",\s*и\s", re.IGNORECASE)
# "разговор по видеосвязи, который X и Y провели в сентябре": the contact's own relative
# clause, to its end
OWN_RELATIVE_RE = re.compile(
    r"[^.;:,]{0,40}?,\s*котор(?:ый|ую|ое|ые)\s+(?P<body>[^,.;:]{0,80}?(?<![\w-])"
    r"(?:провел\w{0,2}|проводил\w{0,2}|имел\w{0,2})(?![\w-])[^,.;:]{0,40})",
    re.IGNORECASE,
)
# "делегации возглавляли X и Y": the heads of both sides, named next
BOTH_LED = r"делегации\s+(?:возглавляли|возглавили|возглавляют)"
BOTH_LED_RE = re.compile(rf"(?<![\w-]){BOTH_LED}\s", re.IGNORECASE)
# "делегацию африканских стран, которую возглавил": the head named next is the partner
LED = r"(?:возглавил\w*|возглавлял\w*|возглавляет|возглавит|руководил\w*)"
DELEGATION_LED_RE = re.compile(
    rf"(?<![\w-])делегаци\w+(?:\s+[\w-]+){{0,4}}?,\s*(?:котор(?:ую|ая|ой)\s+)?{LED}\s+"
    rf"|,\s*где\s+(?P<both>{BOTH_LED})\s+"
    # "; иранскую делегацию возглавлял X, американскую — Y": each side's head
    rf"|[;,:]\s*(?P<sides>[а-яё]+ую\s+делегацию\s+{LED})\s+",
    re.IGNORECASE,
)
# ", американскую — Y": the other side's head, its noun left out
OTHER_SIDE_GAP_RE = re.compile(r"\s*,\s*[а-яё]+ую\s*[—–-]\s*(?:[^,.;]{0,60}?\s)?")
# "Делегацию ХАМАС возглавил X. … делегация встретилась с Y": the head, named right after,
# is the delegation of the sentences that follow
DELEGATION_LED_BY_RE = re.compile(rf"(?<![\w-])[Дд]елегацию(?:\s+[\w«»\"-]+){{0,4}}?\s+{LED}\s+")
# a contact noun of delegations named by their sides: "встрече российской и американской
# делегаций"
DELEGATIONS_AFTER_RE = re.compile(
    r"\s+(?:[а-яё]+(?:ой|ей|их|ых)\s+(?:и\s+[а-яё]+(?:ой|ей|их|ых)\s+)?)?"
    r"(?:делегаций|делегации)(?![\w-])",
    re.IGNORECASE,
)
# "переговоры делегаций во главе с X и Y": the heads, named right after
HEADED_BY_RE = re.compile(r"\s+во\s+главе\s+с\s+", re.IGNORECASE)
DELEGATION_REACH = 120  # characters after the contact word where the delegation stands
# "ирано-американских переговоров", "российско-американская встреча"
COMPOUND_SIDES_RE = re.compile(
    r"(?<![\w-])([а-яё]{3,}[оe])-([а-яё]+ск\w+)\s+(?:[а-яё]+\s+)?(?:переговор|встреч|консультаци)",
    re.IGNORECASE,
)
# a plan told in the past: "должен был провести", "собирался встретиться"
PAST_PLAN_RE = re.compile(
    r"(?<![\w-])(?:долж(?:ен|на|ны) был[аи]?|планировал\w{0,4}|собирал(?:ся|ась|ись)"
    # "Предполагалась также его встреча с X"
    r"|предполагал(?:ся|ась|ось|ись)"
    # "Переговоры были запланированы на 28 марта"
    r"|был[аио]? (?:запланирован|намечен|назначен)\w{0,2}"
    # "Главным пунктом программы были переговоры с X, намеченные на вторник"
    r"|(?:пункт\w* программы|в программе)\s+(?:[а-яё]+\s+)?был[аио]?)(?![\w-])",
    re.IGNORECASE,
)
# a trip called off or put off: "откладывает запланированные поездки", "визит … отменен"
UNDO_STEMS = r"отмен|отлож|отклад|перенес|перенос|отказ\w+ от"
TRIP_UNDONE_RE = re.compile(
    rf"(?<![\w-])(?:(?P<a>{UNDO_STEMS})\w*\s+(?:[\w«»-]+\s+){{0,5}}?(?:поездк|визит|турне)"
    rf"|(?:поездк|визит|турне)\w*\s+(?:[\w«»,–—-]+\s+){{0,24}}?(?P<b>{UNDO_STEMS}))",
    re.IGNORECASE,
)
# a relative clause telling what was to happen on a trip: ", где", ", в ходе которого"
HOST_RELATIVE_RE = re.compile(
    r"\s*,\s*(?:где|в ходе которо\w+|во время которо\w+|в рамках которо\w+)\b", re.IGNORECASE
)
# a clause that goes on about the subject before it: ", где переговоры с Y", " — тогда ..."
WHERE_RE = re.compile(r"\s*,\s*(?:где|когда)\b", re.IGNORECASE)
DASH_BEFORE_RE = re.compile(r"\s[–—-]\s*$")
# "Пашинян в пятницу прибудет в Стамбул": a trip ahead, its bare weekday points forward
TRAVEL_AHEAD = (
    r"(?:прилет|прибуд|приед|посет|отправ\w?|соверш|нанес[её])(?:ит|ут|ят|ет|[её]т)(?:ся)?"
)
TRAVEL_AHEAD_RE = re.compile(rf"(?<![\w-]){TRAVEL_AHEAD}(?![\w-])", re.IGNORECASE)
# "поездка в Москву 1 февраля 2022 года": a trip told by its noun
TRIP_NOUN_RE = re.compile(r"(?<![\w-])поездк\w{1,3}\s+(?:в|во|на)\s+[А-ЯЁ]")
TRIP_NOUN_REACH = 30  # characters from the trip noun to its date
CLAUSE_MARK_RE = re.compile(r"[,;:—–]")  # a mark that ends a clause
COLON_RE = re.compile(r"[:;]")
TRAVEL_RE = re.compile(
    r"(?<![\w-])(?:(?:побывал|прилетел|прибыл|приехал|посетил|съездил|отправился|находился|вернулся"
    r"|приезжал|прилетал)"
    rf"\w{{0,2}}|(?:совершил|нанес)\w{{0,2}}\s+(?:\w+\s+){{0,2}}визит|{TRAVEL_AHEAD}|верн[её]тся"
    # "Лавров успел побывать в Греции"
    r"|успел\w{0,2}\s+(?:побывать|съездить|посетить|слетать)"
    # "В воскресенье канцлер находится в Сантьяго": where the traveller is that day
    r"|находится(?=\s+(?:в|во)\s+[А-ЯЁ])"
    # "в пятницу неожиданно появился в Джидде": arrived
    r"|появил(?:ся|ась)(?=(?:\s+[а-яё]+){0,3}\s+(?:в|во)\s+(?-i:[А-ЯЁ]))"
    # "стал первым лидером, приехавшим в Пекин": the traveller's participle
    r"|(?:побывавш|прилетевш|прибывш|приехавш|посетивш)\w{2,3})"
    r"(?![\w-])",
    re.IGNORECASE,
)


RELATION_GAP_RE = re.compile(r"(?<![\w-])(?:предшественни|преемни)\w*", re.IGNORECASE)


def genitive_chain(s: str, cue: Cue, mentions: list[Found], end: int) -> list[Found]:
    """People in the genitive right after a contact noun: "встреча Путина и Трампа"."""
    if cue.verb:
        return []
    chain: list[Found] = []
    pos = cue.end
    for m in (m for m in mentions if cue.end <= m.start and m.end <= end):
        gap = s[pos : m.start]
        if not chain:
            ok = (
                bool(CHAIN_GAP_RE.fullmatch(gap))
                and not PREPOSITIONS & set(gap.lower().split())
                # "вел переговоры предшественник Чо Тхэ Ёля … Пак Чин": his, not the talks'
                and not RELATION_GAP_RE.search(gap)
                # "накануне саммита НАТО проходит встреча X": X is the other word's
                and not has_cue(gap)
                and len(gap) < 40
                and "gent" in m.cases
            )
        elif GAP_RE.fullmatch(gap) or GENITIVE_TITLE_GAP_RE.fullmatch(gap):
            # "встреча президента Франции X, избранного президента США Y и …": a title the
            # registry left unread may stand between the names
            ok = "gent" in m.cases
        else:
            ok = bool(WITH_RE.search(gap)) and len(gap) < 6 and "ablt" in m.cases
        if not ok:
            break
        chain.append(m)
        pos = m.end
    return chain


# "приняла первый заместитель госсекретаря Венди Шерман": a title of lower-case words
# (a place first: "принял в Елисейском дворце президент Y")
HOST_TITLE_GAP_RE = re.compile(
    r"\s+(?:(?:в|во|на)\s+[А-ЯЁа-яё-]+\s+(?:[а-яё-]+\s+)?)?(?:[а-яё-]+\s+){0,6}"
)
HOST_REACH = 30
HOST_TITLED_REACH = 70


def host_after(s: str, cue: Cue, mentions: list[Found]) -> Found | None:
    """The host right after "принял" ("его принял Си Цзиньпин"): a subject within 30 chars,
    or past a title of lower-case words ("приняла первый заместитель госсекретаря Y")."""
    return next(
        (
            m
            for m in mentions
            if "nomn" in m.cases
            and m.start - cue.end >= 0
            and (
                m.start - cue.end < HOST_REACH
                or (
                    m.start - cue.end < HOST_TITLED_REACH
                    and HOST_TITLE_GAP_RE.fullmatch(s, cue.end, m.start) is not None
                )
            )
        ),
        None,
    )


def one_per_partner(cue: Cue, found: list[Found]) -> list[tuple[str, ...]]:
    """ "Шойгу провел разговоры с X, Y и Z": one contact of the subject with each partner."""
    subjects = {f.person for f in found if f.end <= cue.start}
    partners = list(dict.fromkeys(f.person for f in found if f.start >= cue.end))
    if len(subjects) != 1 or len(partners) < 2:
        return []
    subject = subjects.pop()
    return [tuple(sorted((subject, p))) for p in partners if p != subject]


def partner_only(s: str, found: list[Found]) -> bool:
    """The one person of a clause is a "с"-partner: "встреча с председателем КНР Си"."""
    return (
        len(found) == 1
        and "ablt" in found[0].cases
        and bool(WITH_RE.search(s[max(0, found[0].start - 60) : found[0].start]))
    )


def relative_antecedents(s: str, mentions: list[Found], clause_start: int) -> list[Found]:
    """People a relative clause refers back to: "X и Y, которые встречаются"."""
    out: list[Found] = []
    edge = clause_start
    for m in reversed([m for m in mentions if m.end <= clause_start]):
        gap = s[m.end : edge]
        if (not out and len(gap.strip()) == 0) or (out and ANTECEDENT_GAP_RE.fullmatch(gap)):
            out.append(m)
            edge = m.start
        elif out:
            break
    return out


PHONE_BEFORE_RE = re.compile(
    r"(?<![\w-])по телефону\s+(?:со?\s+(?:[\w-]+\s+){1,3})?$", re.IGNORECASE
)


def by_phone(s: str, cue: Cue, cues: list[Cue], clause_end: int) -> bool:
    """A contact word followed in its clause by "в режиме видеоконференции", "по телефону"."""
    # (or set off by a dash after the clause: "лидеры общались 2 апреля — по телефону")
    if cue.verb and PHONE_BEFORE_RE.search(s, max(0, cue.start - 60), cue.start):
        return True  # "В пятницу по телефону с Путиным говорил Шольц"
    manner = MANNER_PHONE_RE.search(s, cue.end, clause_end) or DASHED_MANNER_RE.match(s, clause_end)
    return (
        manner is not None
        # (another contact word between owns the manner: "встретился 24 сентября, а в апреле
        # провели переговоры в формате видеоконференции")
        and not any(cue.end <= c.start < manner.start() for c in cues)
        # "После переговоров лидеры приняли участие в форуме в режиме видеоконференции"
        and not PARTICIPATION_RE.search(s, cue.end, manner.start())
    )


# "первый контакт министров с марта 2023 года": the date is that of the contact before
FIRST_SINCE_MONTH_RE = re.compile(
    r"(?<![\w-])перв\w{2,3}\s+(?:[\w-]+\s+){0,6}?(?:после|с|со)\s+(?:\d{1,2}\s+)?"
    rf"(?:{MONTH_ALT})(?![\w-])",
    re.IGNORECASE,
)


def is_earlier(clause: str, when: PartialDate | None, cue_at: int) -> bool:
    """A clause about a past event: "предыдущий разговор", "ранее ... 6 мая", "первый
    контакт с марта 2023 года" (dated by the contact before)."""
    return (
        bool(EARLIER_RE.search(clause))
        or (when is not None and bool(EARLIER_DATED_RE.search(clause[:cue_at])))
        or (when is not None and bool(FIRST_SINCE_MONTH_RE.search(clause)))
    )


# "…, а затем вместе с ним принял участие": the partner of the clause before comes along
TOGETHER_WITH_HIM = r"вместе\s+с\s+(?:ним|ней|ними)"
TOGETHER_WITH_HIM_RE = re.compile(rf"(?<![\w-]){TOGETHER_WITH_HIM}(?![\w-])", re.IGNORECASE)
THEN_SAME_SUBJECT_RE = re.compile(
    r"\s*,\s*(?:а\s+)?(?:затем|потом|после этого|после чего)\s+"
    rf"(?:{TOGETHER_WITH_HIM}\s+)?[а-яё]+л(?:ся|ась|ись|и|а)?\b"
)


# a word that makes the person named after it someone's boss or kin, not a party: "с
# помощником Трампа", "советника Зеленского", "зять Дональда Трампа"
# ("советника верховного лидера Ирана аятоллы Али Хаменеи Али Лариджани": the boss's own
# title, words in the genitive, between the aide's word and the boss's name)
AIDE_OF_RE = re.compile(
    rf"(?<![\w-])(?i:{RELATION_WORDS})\w{{0,4}}\s{{1,2}}"
    r"(?:[а-яё]+(?:ого|его|ой|ей|а|я|ы|и)\s+|[А-ЯЁ][а-яё]+[аяыи]\s+(?=[а-яё])){0,5}$"
)
# "спецпосланника Дональда Трампа Стива Виткоффа": an envoy's boss, named before the envoy
# (not "спецпосланника Кита Келлогга": the envoy himself)
ENVOY_OF_RE = re.compile(
    r"(?<![\w-])(?:спецпосланник|посланник|спецпредставител|представител)\w{0,4}\s{1,2}$",
    re.IGNORECASE,
)
NAME_NEXT_RE = re.compile(r"\s{1,2}[А-ЯЁ][а-яё]")
CAPACITY_AIDE_RE = re.compile(
    rf"(?<![\w-])в качестве\s+(?:[а-яё]+\s+)?(?:{RELATION_WORDS})\w{{0,4}}\s{{1,2}}$", re.I
)


def boss_or_kin(s: str, m: Found) -> bool:
    """True when a person is named only as whose aide or kin someone is ("с помощником Трампа
    X", "зять Дональда Трампа Джаред Кушнер"): no party of the contact."""
    return (
        not m.via_office
        # (not "зятя американского лидера Джареда Кушнера": a name with its own title)
        and m.text[:1].isupper()
        and "gent" in m.cases
        # ("с предшественником Каллас Жозепом Боррелем": an indeclinable name before the
        # name of the aide or kin is whose he is)
        # ("в качестве советника Хаменеи": the aide's capacity, so the name is his boss's)
        and (
            "nomn" not in m.cases
            or NAME_NEXT_RE.match(s, m.end) is not None
            or CAPACITY_AIDE_RE.search(s, max(0, m.start - 45), m.start) is not None
        )
        and (
            AIDE_OF_RE.search(s, max(0, m.start - 80), m.start) is not None
            or (
                ENVOY_OF_RE.search(s, max(0, m.start - 30), m.start) is not None
                and NAME_NEXT_RE.match(s, m.end) is not None
            )
        )
    )


def elaboration(s: str, clause_start: int) -> bool:
    """A clause that goes on about the subject before it: ", где переговоры с Y",
    "X был в Сербии 17 января — тогда прошли переговоры с Y", "X посетил Индию: переговоры с
    Y прошли в Нью-Дели"."""
    return (
        bool(WHERE_RE.match(s, clause_start))
        or bool(DASH_BEFORE_RE.search(s, max(0, clause_start - 4), clause_start))
        or trip_before_colon(s, clause_start)
        # "он провел переговоры с Y, а затем встретился с Z": the same subject goes on
        or bool(THEN_SAME_SUBJECT_RE.match(s, clause_start))
    )


def trip_before_colon(s: str, clause_start: int) -> bool:
    """ "В марте X посетил Индию: переговоры с Y прошли в Нью-Дели": a trip told right before
    the colon that opens the clause."""
    head = s[:clause_start].rstrip()
    if not head.endswith(":"):
        return False
    start = max(head.rfind(":", 0, len(head) - 1), head.rfind(";", 0, len(head) - 1)) + 1
    return TRAVEL_RE.search(head, start) is not None


def pronoun_before(s: str, clause_start: int, cue: Cue) -> str:
    """The object or partner pronoun of a clause ("его принял", "с ней"), or ""."""
    m = PRONOUN_WORD_RE.search(s, clause_start, cue.start) or PRONOUN_WORD_RE.match(s, cue.end)
    return m.group(1) if m else ""


RELATIVE_REACH = 60  # characters from a contact noun to its relative clause


def late_undoing(s: str, cue: Cue, cues: list[Cue]) -> Status | None:
    """ "Встречу X с Y, которая должна была пройти в среду, отменили": the predicate of a
    contact noun that comes after its relative clause; never across "но", "а", "хотя"."""
    # (past the contact words of its relative clause: "Встречу, которая должна была
    # подготовить саммит, отложили")
    relative = ANY_RELATIVE_RE.search(s, cue.end, min(len(s), cue.end + RELATIVE_REACH))
    shut = s.find(",", relative.end()) if relative is not None else -1
    end = min(
        (
            c.start
            for c in cues
            if c.start > cue.end
            and not setting(s, c)
            and not (relative is not None and relative.start() < c.start < shut)
        ),
        default=len(s),
    )
    again = next((c for c in cues if c.start == end), None)
    if again is not None and not again.verb and again.kind == cue.kind:
        # "Лула назначил встречу с X, но незадолго до нее венесуэльская сторона встречу
        # отменила": the same contact named again, called off
        told = AGAIN_UNDONE_RE.match(s, again.end)
        if told is not None:
            word = told.group(1).lower()
            return "cancelled" if word.startswith(("отмен", "не ", "так ")) else "postponed"
    # (not past a colon: "переговоры состоялись 14 апреля: поездку на март пришлось отложить")
    stop = COLON_RE.search(s, cue.end, end)
    tail = s[cue.end : stop.start() if stop is not None else end]
    if NOT_HELD_RE.search(tail):
        # "Встречу планировали провести 17 июня, однако тогда она не состоялась"
        return "cancelled"
    if (undone := UNDONE_AFTER_RE.search(tail)) and not VENUE_MOVE_RE.match(tail, undone.end()):
        word = (undone.group("active") or undone.group("passive")).lower()
        return "cancelled" if word.startswith("отмен") else "postponed"
    for status, pattern in PREDICATE_STATUS:
        if status not in ("cancelled", "postponed"):
            continue
        for m in pattern.finditer(tail):
            # (not "после беседы Вашингтон отложил пошлины": a thing, not the contact)
            if not CONTRAST_RE.search(tail, 0, m.start()) and not UNDONE_THING_RE.match(
                tail, m.start()
            ):
                return status
    return None


def delegation_heads(s: str, cue: Cue, mentions: list[Found]) -> list[Found]:
    """ "принял делегацию африканских стран, которую возглавил президент ЮАР X": the head of
    the delegation received or met is the partner; "раунд прошел в Женеве, где делегации
    возглавляли X и Y": both heads."""
    led = DELEGATION_LED_RE.search(s, cue.end, min(len(s), cue.end + DELEGATION_REACH))
    if led is None:
        return []
    heads = [m for m in mentions if m.start >= led.end() and "nomn" in m.cases]
    if not heads or heads[0].start - led.end() >= 40:
        return []
    if led.group("sides"):
        # "иранскую делегацию возглавлял X, американскую — спецпосланник Y"
        other = OTHER_SIDE_GAP_RE.match(s, heads[0].end)
        return heads[:1] + [m for m in heads[1:2] if other is not None and m.start >= other.start()]
    if not led.group("both"):
        return heads[:1]
    run = heads[:1]
    for m in heads[1:]:
        if not GAP_RE.fullmatch(s, run[-1].end, m.start):
            break
        run.append(m)
    return run


def _side_of_part(part: str) -> str | None:
    """ "ирано" / "американских" -> the country; the first part of a compound adjective
    keeps only the root ("российско", "американо", "ирано")."""
    low = part.lower()
    for stem, side in SIDE_ADJECTIVES.items():
        root = stem[:-2] if stem.endswith("ск") else stem
        if low.startswith(stem) or (len(root) >= 3 and low.startswith(root)):
            return side
    return None


def compound_sides(sentence: str) -> tuple[str, ...]:
    """The two countries of "ирано-американских переговоров", or ()."""
    m = COMPOUND_SIDES_RE.search(sentence)
    if m is None:
        return ()
    sides = (_side_of_part(m.group(1)), _side_of_part(m.group(2)))
    if None in sides or sides[0] == sides[1]:
        return ()
    return tuple(sorted(s for s in sides if s))


def own_relative(s: str, cue: Cue) -> tuple[int, int] | None:
    """ "разговор по видеосвязи, который Хегсет и Дун Цзюнь провели в сентябре": the span of
    the relative clause whose subjects held the contact named by the noun `cue`."""
    if cue.verb:
        return None
    m = OWN_RELATIVE_RE.match(s, cue.end)
    return (m.start("body"), m.end()) if m else None


def trip_undone(before: str, sentence: str, undone: bool = False) -> Status | None:
    """ "Байден откладывает поездку в Анголу. В Луанде он должен был провести переговоры с
    X": a plan of the trip called off in the sentence before is called off with it (as is
    a contact told `undone` itself: "Встреча … таким образом отменена")."""
    if not (undone or PAST_PLAN_RE.search(sentence)):
        return None
    if (m := TRIP_UNDONE_RE.search(before)) is None:
        return None
    word = (m.group("a") or m.group("b")).lower()
    return "cancelled" if word.startswith(("отмен", "отказ")) else "postponed"


TIME_BEFORE_FORUM_RE = re.compile(
    r"(?<![\w-])(?:(?:незадолго|сразу|вскоре|задолго|за\s+\w+\s+\w+)\s+)?"
    r"(?:до|перед|после|накануне)\s+$",
    re.IGNORECASE,
)


def aside(s: str, cue: Cue, cues: list[Cue], mentions: list[Found]) -> bool:
    """A contact noun that is no contact of the clause's people, unless it names its own
    ("после саммита Трампа и Си"): a forum named as a time ("хотя стороны незадолго до
    саммита завершили отвод войск"), or the setting of a contact its clause denies ("на
    полях саммита не встречались")."""
    if cue.verb or genitive_chain(s, cue, mentions, len(s)):
        return False
    if FORUM_RE.match(s, cue.start) and TIME_BEFORE_FORUM_RE.search(
        s, max(0, cue.start - 30), cue.start
    ):
        return True
    return setting(s, cue) and any(
        other is not cue
        and NOT_BEFORE_RE.search(s, max(0, other.start - 4), other.start) is not None
        and clause_bounds(s, other.start) == clause_bounds(s, cue.start)
        for other in cues
    )


# "Пекин отклонил предложение Вашингтона о встрече X с Y", "не отвечают на предложения
# созвониться": an offer turned down is no contact, not even a planned one
REJECTED_OFFER_RE = re.compile(
    r"(?<![\w-])(?:отклонил\w{0,2}|отвергл?\w{0,3}|проигнорировал\w{0,2}"
    r"|не (?:ответил\w{0,2}|отвеча\w{2,4}|принял\w{0,2}|принима\w{2,4}))"
    r"\s+(?:на\s+)?(?:[а-яё]+\s+)?(?:предложени|приглашени|просьб|призыв)\w{0,3}\s",
    re.IGNORECASE,
)


OFFERED_RE = re.compile(r"(?<![\w-])предложил\w{0,2}\s+(?:[а-яё]+\s+){0,3}$", re.IGNORECASE)
REFUSED_AFTER_RE = re.compile(
    r",\s*(?:но|однако|а)\s+(?:[\w-]+\s+){0,3}?(?:от\s+(?:нее|него|них|этого)\s+)?"
    r"(?:отказал|отклонил|отверг)\w*",
    re.IGNORECASE,
)


def rejected_offer(s: str, cue: Cue, clause_start: int, cues: list[Cue]) -> bool:
    """ "Пекин отклонил предложение о встрече Остина с Ли Шанфу": the contact was only offered,
    and the offer was turned down (no other contact word stands between)."""
    offers = list(REJECTED_OFFER_RE.finditer(s, clause_start, cue.start))
    if offers and not any(offers[-1].end() <= c.start < cue.start for c in cues):
        return True
    # "Лондон предложил греческой стороне встречу с X, однако Y от нее отказался"
    return bool(
        OFFERED_RE.search(s, max(clause_start, cue.start - 40), cue.start)
        and REFUSED_AFTER_RE.search(s, cue.end)
        and not any(c.start > cue.end for c in cues)
    )


# "…, и тогда лидеры ограничились видеоконференцией": what was done instead, a clause of its own
AND_THEN_RE = re.compile(r",\s*(?:и|а)\s+(?:тогда|затем|потом|вместо этого)(?![\w-])", re.I)


def host_undone(s: str, clause_start: int, cue_at: int | None = None) -> Status | None:
    """ "Отменен визит в Австралию, где 24 мая должна была состояться встреча X с Y": a
    contact in a relative clause of a cancelled or postponed trip is undone with it."""
    if s[:clause_start].rstrip().endswith(":") and not AND_THEN_RE.search(
        s, clause_start, cue_at if cue_at is not None else len(s)
    ):
        # "Вадефуль отложил поездку в Китай: подтверждены были лишь его переговоры с Ван И"
        return trip_undone(s[:clause_start], "", undone=True)
    # "отложил визит в Нью-Дели, в ходе которого должна была состояться встреча": the
    # relative clause inside the clause
    upto = cue_at if cue_at is not None else clause_start
    inner = [
        m
        for m in HOST_RELATIVE_RE.finditer(s, clause_start, upto)
        if PAST_PLAN_RE.search(s, m.end(), upto)
    ]
    if inner:
        clause_start = inner[-1].start()
    # ("визит пришлось перенести, когда переговоры планировались с X": a plan of that time)
    if not HOST_RELATIVE_RE.match(s, clause_start) and not (
        WHERE_RE.match(s, clause_start) and PAST_PLAN_RE.search(s, clause_start)
    ):
        return None
    contrast = list(CONTRAST_RE.finditer(s, 0, clause_start))
    status = status_of(s[contrast[-1].end() if contrast else 0 : clause_start])
    return status if status in ("cancelled", "postponed") else None


def initiator(sentence: str, near: int | None) -> str | None:
    m = INITIATIVE_RE.search(sentence)
    if m is None or (abs(m.start() - near) > 60 if near is not None else m.start() > 40):
        return None
    word = m.group(1).lower()
    return next((side for stem, side in SIDE_ADJECTIVES.items() if word.startswith(stem)), None)


# "вместе с госсекретарем Блинкеном": a companion, not a partner
# ("вместе с председателем Палестинской национальной администрации X": a title between)
# a word of a title before a name: lower case, an acronym or a capitalised adjective
# ("председателем ПНА", "председателя Палестинской национальной администрации")
TITLE_WORD = r"(?:[а-яё-]+|[А-ЯЁ]{2,5}|[А-ЯЁ][а-яё]+(?:ой|их|ых))"
TOGETHER_RE = re.compile(rf"(?<![\w-])(?i:вместе с)\s+(?:{TITLE_WORD}\s+){{0,5}}$")


def gapped_parties(
    s: str,
    cue: Cue,
    cues: list[Cue],
    people: tuple[str, ...],
    found: list[Found],
    mentions: list[Found],
) -> list[tuple[tuple[str, ...], tuple[int, int]]]:
    """The contacts of gapped clauses after a contact verb, with the span of each gap's time
    words: "встретился с X во вторник, а на следующий день — с Y" is (subject, Y) on the
    day after; "с ним встретился X, а спустя три дня — Z" is (him, Z)."""
    cs, ce = clause_bounds(s, cue.start)
    # "провел в субботу встречу с X, а в воскресенье — с Y": a light verb and its noun too
    if not (cue.verb or LIGHT_VERB_RE.search(s, cs, cue.start)) or len(people) != 2:
        return []
    nxt = min((c.start for c in cues if c.start > cue.end), default=len(s))
    out: list[tuple[tuple[str, ...], tuple[int, int]]] = []
    pos = cue.end
    for gap in ELLIPSIS_RE.finditer(s, cue.end, nxt):
        if gap.start() < pos or s[pos : gap.start()].count(".") or gap.start() > max(ce, pos):
            break
        end = clause_bounds(s, gap.end())[1]
        inside = [m for m in mentions if gap.end() <= m.start and m.end <= end]
        if not inside:
            break
        named = {m.person for m in inside}
        if TOGETHER_RE.search(s, gap.end(), inside[0].start):
            # "4 марта говорил с ним один на один, а 12 марта — вместе с X": the same people
            # and X
            out.append((tuple(sorted(set(people) | named)), (gap.start(), gap.end())))
            pos = end
            continue
        # "Остин говорил с Шойгу, а Милли — с Герасимовым": a new subject in the gap
        subject = {
            m.person
            for m in mentions
            if gap.start() <= m.start and m.end <= gap.end() and "nomn" in m.cases
        }
        if all("ablt" in m.cases for m in inside) and WITH_RE.search(s, gap.end(), inside[0].start):
            kept = {f.person for f in found if "nomn" in f.cases and f.start < cue.start}
            kept = subject if len(subject) == 1 else kept
            kept = kept or {f.person for f in found if f.end <= cue.start}
            # "Днем он встретился с X, а вечером — с Y": the pronoun's person
            kept = kept or set(people) - {f.person for f in found if f.start >= cue.end}
        elif all("nomn" in m.cases for m in inside):
            kept = {p for p in people if p not in {f.person for f in found if "nomn" in f.cases}}
        else:
            break
        if len(kept) != 1 or kept & named:
            break
        out.append((tuple(sorted(kept | named)), (gap.start(), gap.end())))
        pos = end
    return out


def more_rounds(s: str, cue: Cue, cues: list[Cue]) -> tuple[int, int] | None:
    """The span listing later rounds after "Первый раунд … состоялся <date>", or None."""
    if not FIRST_ROUND_RE.search(s, max(0, cue.start - 30), cue.start):
        return None
    nxt = min((c.start for c in cues if c.start > cue.end), default=len(s))
    more = MORE_ROUNDS_RE.search(s, cue.end, nxt)
    if more is None:
        return None
    end = next((m.start() for m in ROUNDS_END_RE.finditer(s, more.end())), len(s))
    return more.start(), end


ROUNDS_END_RE = re.compile(r"[;:.]|,\s+а\s")
# where one partner's dates end: the next ", а с Y", a semicolon or the sentence end
PARTNER_END_RE = re.compile(r",\s*а\s+со?\s|;|\.(?:\s|$)")


DATED_PARTNER_RE = re.compile(r"\s*(?:а\s+)?со?\s+(?P<who>[^—–;:]{2,80}?)\s+[—–]\s+")


def dated_partners(
    s: str, cue: Cue, cues: list[Cue], mentions: list[Found]
) -> list[tuple[list[Found], tuple[int, int]]]:
    """Partners listed after a colon, each with its dates: "встречался с британскими
    премьерами: с X — 9 апреля и 17 июня 2022 года, а с Y — 19 ноября" -> (X's mentions,
    span of X's dates), (Y's mentions, span of Y's dates)."""
    if not cue.verb:
        return []
    ce = clause_bounds(s, cue.start)[1]
    if not s.startswith(":", ce):
        return []
    end = min((c.start for c in cues if c.start > ce), default=len(s))
    out: list[tuple[list[Found], tuple[int, int]]] = []
    pos = ce + 1
    while pos < end:
        m = DATED_PARTNER_RE.match(s, pos)
        if m is None:
            break
        who = [f for f in mentions if m.start("who") <= f.start and f.end <= m.end("who")]
        if not who or not all("ablt" in f.cases for f in who):
            break
        stop = PARTNER_END_RE.search(s, m.end(), end)
        until = stop.start() if stop else end
        out.append((who, (m.end(), until)))
        pos = until + 1 if stop and s[stop.start()] != "," else (stop.start() + 1 if stop else end)
    return out if len(out) >= 1 and all(span[1] > span[0] for _, span in out) else []
