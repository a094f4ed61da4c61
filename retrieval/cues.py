"""Word patterns that state a contact, its status, speakers, clauses and page leftovers."""

from __future__ import annotations

import re
from dataclasses import dataclass

from retrieval.textclean import MONTH_ALT
from retrieval.types import Kind, Status


def _words(*alternatives: str) -> str:
    return r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])"


@dataclass(frozen=True)
class Cue:
    """One contact word in a sentence: kind, verb or noun, and whether the kind is certain."""

    start: int
    end: int
    kind: Kind
    verb: bool
    weak: bool  # "разговор", "беседа": a contact whose kind comes from elsewhere
    receive: bool = False  # "принял X": the guest is in the accusative


# (kind, is_verb, weak, pattern)
# "поздравил Эрдогана с переизбранием по телефону": an act a call is told by
PHONE_ACT = r"(?:поздравил|поблагодарил|проинформировал|пригласил)\w{0,2}"
_CUE_TABLE: tuple[tuple[Kind, bool, bool, str], ...] = (
    (
        "phone",
        True,
        False,
        _words(
            r"поговорил\w{0,2} по телефону",
            # "по телефону поблагодарил", "поздравил по телефону": any act told by phone
            r"по телефону [а-яё]+(?:ил|ал|ял|ел)(?:а|и|ся|ась|ись)?",
            r"[а-яё]+(?:ил|ал|ял|ел)(?:а|и|ся|ась|ись)? по телефону",
            # "поздравил Эрдогана с переизбранием по телефону": the act, told by phone later
            PHONE_ACT + r"(?=\s+[А-ЯЁ][^.;:]{0,45}?\sпо телефону)",
            r"разговарива\w{1,4} (?:[\w-]+ ){0,4}по телефону",
            r"созвонил\w{1,4}",
            r"созвонит\w{1,4}",
            r"созванива\w{1,5}",
            r"созвониться",
            r"(?:по)?звонил\w{0,2}",  # "аль-Сиси уже звонил Эрдогану"
            r"позвон(?:ит|ят)",
            r"созвон\w{0,2}",
        ),
    ),
    (
        "phone",
        False,
        False,
        _words(
            r"телефонн\w{2,3} (?:разговор|беседу?|переговор|контакт|звон)\w{0,3}",
            r"(?:разговор|беседу?|переговор)\w{0,3} по телефону",
            # "провел разговор по видеосвязи": one call, not a talk and a call
            r"(?:разговор|беседу?|переговор)\w{0,3} (?:по видеосвязи"
            r"|в (?:режиме|формате) (?:видеоконференции|видеосвязи|видеозвонка))",
            r"звон(?:ок|ка|ке|ком)",
            r"(?:видеоконференц|видеосвяз)\w{1,3}",
            # "в формате видеозвонка", "провел видеоразговор с X"
            r"видео(?:звон|разговор)\w{0,4}",
            r"по видео",
        ),
    ),
    (
        "meeting",
        True,
        False,
        _words(
            r"встретил\w{1,4}",
            r"встретит\w{1,4}",
            r"встретят\w{1,4}",
            r"встретиться",
            r"встречал\w{1,4}",
            r"(?:у|по)?видел(?:ся|ись|ась)",
            r"встречают\w{1,4}",
            r"встречает\w{1,4}",
            # "договорились Трамп и фон дер Ляйен, встретившиеся 27 июля в Тернберри"
            r"встретивш(?:ие|ий|ая)ся",
            # "Трамп пообедал с хозяином саммита Макроном"
            r"(?:по|от)?(?:обедал|ужинал|завтракал)\w{0,2}(?= с)",
            # "Шольц и Макрон пообедали в Елисейском дворце": the two together
            r"(?:по|от)(?:обедали|ужинали|завтракали)",
        ),
    ),
    (
        "meeting",
        False,
        False,
        _words(
            r"встреч(?:[аиуеой]\w{0,2})?",
            r"саммит\w{0,3}",
            # "прилетел в Париж на рабочий обед с президентом Франции"
            # (not "улетит после ужина с главами государств": a time)
            r"(?<!после )(?<!перед )(?<!до )(?:обед|ужин|завтрак)(?:а|у|ом|е)?(?= с\s)",
        ),
    ),
    ("visit", False, False, _words(r"визит\w{0,3}")),
    (
        "talks",
        True,
        False,
        _words(
            r"провел\w{0,2} переговоры",
            r"переговорил\w{0,2}",
            # "18 февраля за одним столом сидели X и Y с российской стороны, Z — с американской"
            r"за (?:одним|общим|круглым) столом (?:сидели|сели|собрались)",
            r"(?:сидели|сели|собрались) за (?:одним|общим|круглым) столом",
        ),
    ),
    ("talks", False, False, _words(r"переговор(?:ы|ов|ах|ам|ами)")),
    # "провели первый раунд российско-американского диалога"; "Первый раунд прошел в Женеве"
    (
        "talks",
        False,
        False,
        _words(
            r"раунд\w{0,3} (?:[\w-]+ое |[\w-]+ого )?(?:диалог|консультаци)\w{0,3}",
            r"(?:перв|втор|трет|четверт|пят|шест|седьм|восьм|предыдущ|последн|очередн)\w{1,3}"
            # (also "11 мая, Маскат. Четвертый раунд." of a chronicle)
            r" раунд(?=\s*[.;]| (?:прошел|состоялся|проходил|завершился|закончился"
            r"|заканчивается|завершается|начался|был назначен|назначен))",
        ),
    ),
    (
        "talks",
        True,
        True,
        _words(
            r"поговорил\w{0,2}",
            r"разговарива\w{1,4}",
            # "Шольц говорил с российским лидером 4 марта"
            r"говорил(?:а|и)?",
            r"(?:по)?беседовал\w{0,2}",
            r"(?:по)?общал(?:ись|ся|ась)",
            r"обсудил\w{0,2} с",
            r"обсудят с",
            r"обсудит с",
        ),
    ),
    (
        "talks",
        False,
        True,
        _words(
            r"разговор\w{0,3}",
            r"бесед[аыуеой]\w{0,2}",
            # "Предыдущий контакт председателя КНР с президентом России состоялся 21 января"
            r"контакт(?:а|у|ом|е)?",  # singular: "личные контакты" are relations, not an event
        ),
    ),
)
# the weak words above that tell a conversation ("коротко пообщались", "беседа"): a meeting
# unless the article tells a call
IN_PERSON_TALK_RE = re.compile(r"(?:по)?бесед|(?:по)?общал|поговорил", re.IGNORECASE)
CUE_PATTERNS: tuple[tuple[Kind, bool, bool, re.Pattern[str]], ...] = tuple(
    (kind, verb, weak, re.compile(pattern, re.IGNORECASE))
    for kind, verb, weak, pattern in _CUE_TABLE
)

RECEIVE_RE = re.compile(
    _words(
        r"принял\w{0,2}",
        r"принимает",
        r"принимал\w{0,2}",
        r"примет",
        # "Байден, принимавший во вторник Зеленского, …"
        r"принимавш\w{2,3}",
        r"принявш\w{2,3}",
        # "Шольц приветствовал в своем ведомстве Сунака": the host's welcome
        r"приветствовал\w{0,2}",
    ),
    re.IGNORECASE,
)
# "приветствовал в своем ведомстве Сунака", "приветствовал британского гостя": a person
# welcomed (not "приветствовал предложение Путина": an idea)
WELCOMED_RE = re.compile(
    r"\s+(?:(?-i:[А-ЯЁ])|(?:в|во|на|его|ее|её|их)\s|сво|гост|коллег|делегаци|(?:президент|премьер|министр"
    r"|канцлер|лидер|генсек|госсекретар)а\b|главу|председателя|[а-яё]+(?:ого|его)\s)",
    re.IGNORECASE,
)
# "В Елисейском дворце его встретил Макрон": a welcome of the guest the pronoun stands for
# (not "встретил поддержку", "встретили Новый год")
WELCOME_RE = re.compile(
    r"(?<![\w-])(?:(?:его|ее|её|их|гост(?:я|ей))\s+(?:[а-яё]+\s+){0,3}"
    r"(?P<verb>встреч?ал[аи]?|встретил[аи]?)"
    # "Санду встретила гостей у здания президентуры"
    r"|(?P<verb2>встреч?ал[аи]?|встретил[аи]?)\s+(?:(?:высок\w+\s+|своих\s+)?гост(?:я|ей)"
    # "Стармер в четверг утром встретил Владимира Зеленского у резиденции" (not "встретил
    # Новый год": no person is named)
    r"|(?-i:[А-ЯЁ])[а-яё]+(?:а|я|у|ю)(?=\s+(?-i:[А-ЯЁ]))))(?![\w-])",
    re.IGNORECASE,
)
# "Моди приехал к Трампу": a visit to the person named next, in the dative
VISIT_TO_RE = re.compile(
    r"(?<![\w-])(?:приехал|прилетел|прибыл|приезжал|прилетал)\w{0,2}\s+к(?=\s+[А-ЯЁ])",
    re.IGNORECASE,
)
# "Нетаньяху вновь побывал в Белом доме": a visit to the holder of the office seated there
RESIDENCE_VISIT_RE = re.compile(
    r"(?<![\w-])(?:побывал|прибыл|приехал|прилетел|приезжал)\w{0,2}\s+(?:в|во)\s+"
    r"(?P<place>Белом доме|Белый дом|Кремле|Кремль|Елисейском дворце|Елисейский дворец)(?![\w-])"
)
RESIDENCE_OFFICES: dict[str, str] = {
    "белом доме": "us_president",
    "белый дом": "us_president",
    "кремле": "ru_president",
    "кремль": "ru_president",
    "елисейском дворце": "fr_president",
    "елисейский дворец": "fr_president",
}
WITH_VISIT_RE = re.compile(r"(?<![\w-])с\s+(?:[а-яё]+\s+){0,2}визитом$", re.IGNORECASE)
# "Лавров был принят премьер-министром Индии": the host in the instrumental after it
PASSIVE_RECEIVE_RE = re.compile(
    r"(?<![\w-])(?:был|была|были|будет|будут)\s+принят[аоы]?(?![\w-])", re.IGNORECASE
)
# verbs of a guest and a host, found after the contact words: "был принят X-ом" (the host
# in the instrumental), "побывал в Белом доме" (a meeting with the office seated there, as
# "принял в Белом доме" is), "приехал к X"
GUEST_CUES: tuple[tuple[Kind, re.Pattern[str]], ...] = (
    ("meeting", PASSIVE_RECEIVE_RE),
    ("meeting", RESIDENCE_VISIT_RE),
    ("visit", VISIT_TO_RE),
)
NOT_RECEIVE_RE = re.compile(
    r"^\s+(?:участие|решение|закон|меры|во внимание|к сведению|присягу|верительные"
    r"|поздравления|на себя|удар"
    # documents and acts: "страны «семерки» приняли декларацию"
    r"|(?:[а-яё]+(?:ую|ое|ые|ий|ый)\s+)?(?:декларац|заявлени|резолюц|документ|соглашени"
    r"|программ|бюджет|поправк|санкци|пакет|план|стратеги|концепци|указ|постановлени"
    r"|обращени|доктрин|коммюнике|итогов|форму|формат|вызов|бой|роды|душ|лекарств))",
    re.IGNORECASE,
)
# taking part in an event: a video manner told after it is how they joined the event
PARTICIPATION = (
    r"(?<![\w-])(?:(?:принял|приняли|примет|примут)\s+участие|участвовал\w{0,2})(?![\w-])"
)
PARTICIPATION_RE = re.compile(PARTICIPATION, re.IGNORECASE)
NOT_CONTACT_RE = re.compile(
    r"(?:встреч|переговор|консультаци|контакт)\w{0,3}\s+(?:экспертов|специалистов"
    # (not "переговоры делегаций США и Украины": the sides' heads are named next)
    r"|делегаций(?!\s+[А-ЯЁ])"
    r"|рабочих групп|на (?:рабочем|экспертном) уровне|на уровне экспертов)"
    r"|регулярн\w+ контакт|переговорн\w+"
    # "выразили надежду на эффективность переговоров": talks hoped for, none told
    r"|надежд\w*\s+на\s+(?:[а-яё]+\s+){0,3}?(?:переговор|встреч|диалог)\w*"
    # "в режиме видеосвязи из Худжанда приняли участие в церемонии открытия": a ceremony
    # joined by video, no call
    r"|(?:в режиме|по) видео\w+(?:\s+[\w-]+){0,4}?\s+(?:приняли|принял\w?|принимали)\s+участие"
    r"\s+в\s+(?:церемони|открыти|запуск|торжеств)"
    r"|встрет\w{1,5}\s+(?:\w+\s+)?"
    r"(?:на (?:одной )?сцене|на ринге|на поле|на корте|в финале|в матче)"
    # "приняли участие в заседании форума в режиме видеоконференции": how they joined an
    # event, not a call between them
    # "предлагает свою площадку для переговоров": a venue on offer, no contact
    r"|(?<![\w-])(?:площадк|формат|механизм)\w* для (?:переговоров|встреч|диалога)"
    # "Шейнбаум пока не встречалась с Трампом": no contact yet
    r"|(?<![\w-])(?:пока|еще|ещё|ни разу|никогда|уже|больше)\s+не\s+"
    r"(?:встречал|виделись|видел|общал|созванивал|разговаривал|говорил)\w*"
    # "Блинкен говорил о Синьцзяне": what was said, not with whom
    r"|(?<![\w-])говорил(?:а|и)?(?=\s*[,:—–-]|\s+(?:о|об|обо|про|что|как|в|на|журналист\w*)\s)"
    # "министры не общались больше года": no contact for a while
    r"|(?<![\w-])не\s+(?:общал|созванивал|встречал|виделись|разговаривал|контактировал)\w*"
    r"\s+(?:[а-яё]+\s+)?(?:больше|более|уже|почти|целый|несколько|давно|с|со)(?![\w-])"
    # "общался с Путиным чаще любого другого лидера": how often, over years, no one contact
    r"|(?<![\w-])(?:общал|встречал|созванивал|разговаривал|виделс|видел)\w*[^.;:,]{0,60}?"
    r"(?<![\w-])(?:чаще|реже)(?![\w-])"
    # "с хозяином саммита": a title of a person, not an event
    r"|(?<![\w-])(?:хозя\w{1,4}|организатор\w{0,3}|участник\w{0,3}|председател\w{1,3}|гост\w{1,3})"
    r"\s+(?:саммит|встреч|форум|переговор)\w*"
    # "пропустил встречу лидеров объединения": a forum's gathering, no contact of a pair
    r"|встреч\w{0,3}\s+(?:лидеров|глав|министров)\s+(?:[а-яё]+\s+){0,2}(?:стран\s+)?"
    r"(?:объединени|группы|организаци|альянс|блок|союз|форум|БРИКС|ШОС|G7|G20|ЕАЭС|СНГ|ОДКБ"
    r"|АСЕАН|АТЭС|НАТО|Евросоюз|ЕС(?![\w-])|ОПЕК|ООН|ОБСЕ|Большой|«|\")\w*"
    # "о встрече глав государств – постоянных членов Совбеза": a forum of five
    r"|встреч\w{0,3}\s+(?:лидеров|глав)\s+государств\s*[–—-]\s*(?:постоянных\s+)?членов"
    # "Переговоры с X стали первыми встречами глав ведомств": what the talks were, not
    # another contact
    r"|(?<![\w-])стал[аио]?\s+(?:[а-яё]+(?:ой|ым|ыми|ими|им)\s+){1,2}"
    r"(?:встреч|контакт|переговор)\w*"
    # "за встречами американцев с украинскими переговорщиками": peoples, nobody named
    r"|(?:встреч|переговор|контакт|консультаци)\w*\s+(?:американцев|россиян|украинцев"
    r"|европейцев|китайцев|израильтян|иранцев|палестинцев|турок|немцев|французов|британцев)"
    r"\s+(?:с|со)\s+(?:[а-яё]+(?:ими|ыми)\s+)"
    # "Конкретных планов по организации разговора пока нет": no plan at all
    r"|(?<![\w-])план\w*\s+(?:по\s+[а-яё]+\s+|о\s+|на\s+)?(?:[а-яё]+\s+){0,2}?"
    r"(?:разговор|встреч|визит|переговор|контакт|саммит)\w*\s+(?:пока\s+|еще\s+|ещё\s+)?нет"
    r"(?![\w-])"
    r"|(?<![\w-])нет\s+(?:никаких\s+|конкретных\s+)?план\w*\s+(?:по\s+[а-яё]+\s+|о\s+)?"
    r"(?:[а-яё]+\s+){0,2}?(?:разговор|встреч|визит|переговор|контакт|саммит)\w*"
    # "условились встретиться лично, как только позволит обстановка": a wish with no time
    r"|(?<![\w-])(?:встрет|увидет|созвон|поговор|пообщат)\w*(?:\s+[а-яё]+){0,2},?\s+"
    r"(?:как только|при первой (?:же )?возможности|когда (?:это )?(?:позволит|позволят"
    r"|станет возможн))"
    # "У трапа его встречали посол и губернатор": a welcome on arrival, no talks
    r"|(?<![\w-])(?:у\s+трапа|в\s+аэропорту|на\s+л[её]тном\s+поле)\s+(?:[а-яё]+\s+){0,2}"
    r"встреча\w*"
    r"|(?<![\w-])встреча(?:л|ла|ли|ет|ют)\s+(?:[а-яё]+\s+){0,3}(?:у\s+трапа|в\s+аэропорту)"
    # "Вместо очных переговоров лидеры проведут разговор по видеосвязи": what does not happen
    r"|(?<![\w-])вместо\s+(?:[а-яё]+\s+)?(?:переговор|встреч|визит|поездк|саммит)\w*"
    # "договорились начать переговоры о соглашении о свободной торговле": negotiators' work
    r"|(?<![\w-])(?:начать|начнут|начали|начинают|возобновить|завершить|ускорить)\s+"
    r"переговоры\s+(?:о|по)\s+(?:[а-яё]+\s+){0,2}(?:соглашени|договор|сделк)\w*"
    # "готов встретиться с X без предварительных условий": a readiness, no plan
    r"|(?<![\w-])готов\w{0,2}\s+(?:[а-яё]+\s+){0,2}(?:встрет|провест|поговор|созвон|увидет"
    r"|пообщат)\w*"
    # "В саммите участвовали также президенты Турции и Египта": attending a forum together
    rf"|(?<![\w-])в\s+саммите\s+(?:также\s+)?{PARTICIPATION}"
    rf"|{PARTICIPATION}\s+(?:также\s+)?в\s+(?:[а-яё]+\s+)?саммите(?!\s+(?:с|со)\s)"
    rf"|{PARTICIPATION}\s+в\s+"
    r"(?:пленарном\s+)?(?:заседании|форуме|саммите|церемонии|открытии|работе)[^.]{0,120}?"
    r"(?:в режиме|в формате|по)\s+видео\w*",
    re.IGNORECASE,
)
LIGHT_VERB_RE = re.compile(
    _words(
        r"провел\w{0,2}",
        r"провест\w{1,2}",
        r"проведут",
        r"проведет",
        r"проводит\w{0,2}",
        r"проводят",
        r"проводил\w{0,2}",
        r"вел",
        r"вела",
        r"вели",
        r"ведет",
        r"ведут",
        r"состоял\w{1,3}",
        r"состоится",
        r"состоятся",
        r"прошл\w{1,2}",
        r"прошел",
        r"пройдет",
        r"пройдут",
        r"имел\w{0,2}",
        # "лидеры ограничились видеоконференцией": all the contact they had
        r"ограничил\w{1,4}",
        r"договорил\w{1,4}",
        r"условил\w{1,4}",
        r"обменял\w{1,4}",
        r"начал\w{0,2}",
        r"продолжил\w{0,2}",
        r"завершил\w{0,2}",
        r"намерен\w{0,2}",
        r"планиру\w{1,4}",
        r"участвовал\w{0,2}",
        r"прибыл\w{0,2}",
        r"прибудет",
        r"посетил\w{0,2}",
        r"посетит",
        r"нанес\w{0,3}",
        r"совершил\w{0,2}",
        r"совершит",
        r"прилетел\w{0,2}",
        r"приехал\w{0,2}",
        r"отменил\w{0,2}",
        r"отложил\w{0,2}",
        r"перенесл\w{1,2}",
        r"опроверг\w{0,3}",
        r"могут",
        r"может",
        r"готов\w{0,2}",
        # "Собеседники подвели итоги встречи 30 октября в Пусане": their own meeting
        r"подвели итоги",
        r"подвел итоги",
    ),
    re.IGNORECASE,
)
SPEECH_RE = re.compile(
    _words(
        r"заявил\w{0,2}",
        r"сообщил\w{0,2}",
        r"отметил\w{0,2}",
        r"подчеркнул\w{0,2}",
        r"сказал\w{0,2}",
        r"рассказал\w{0,2}",
        r"объявил\w{0,2}",
        r"добавил\w{0,2}",
        r"пояснил\w{0,2}",
        r"написал\w{0,2}",
        r"уточнил\w{0,2}",
        r"указал\w{0,2}",
        r"признал\w{0,2}",
        r"считает",
        r"полагает",
        r"заявляет",
        r"сообщает",
        r"говорится",
        r"цитирует",
        r"процитировал\w{0,2}",
        r"напомнил\w{0,2}",
        r"прокомментировал\w{0,2}",
        r"утверждает",
        r"подтвердил\w{0,2}",
        r"передает",
        r"пишет",
        r"по словам",
        r"по его словам",
    ),
    re.IGNORECASE,
)
# "не состоится в этот день": not on the day it was set for (put off, not called off)
THAT_DAY = r"в (?:(?:этот|тот|назначенный) день|(?:эти|те|назначенные) дни)"
# "должен состояться", "должна была пройти": a plan, told before or after its time
MUST_HAPPEN = r"долж(?:ен|на|ны|но) (?:был[аио]? )?(?:состояться|пройти)"
STATUS_PATTERNS: tuple[tuple[Status, re.Pattern[str]], ...] = (
    (
        "denied",
        re.compile(
            _words(
                r"опроверг\w{0,3}",
                r"опровергл\w{1,2}",
                r"не было",
                r"не состоял\w{1,3}",
                r"не проводил\w{0,2}",
                r"не встречал\w{1,4}",
                # "Остин так и не встретился с ним", "встречи не получилось"
                r"так и не встретил\w{2,4}",
                # "так и не провели ни одной двусторонней встречи"
                r"так и не провел\w{0,2}",
                r"ни одной (?:[а-яё]+ ){0,2}(?:встречи|беседы)",
                r"не получил(?:ось|ась)",
                r"не разговаривал\w{0,2}",
            ),
            re.IGNORECASE,
        ),
    ),
    (
        "cancelled",
        re.compile(
            _words(
                r"отмен\w{1,6}",
                rf"не (?:состоится|состоятся|пройдет|пройдут)(?! {THAT_DAY})",
                # "Рубио не встретится с Каллас": the meeting set is off
                r"не (?:встретится|встретятся|созвонится|созвонятся|увидится|увидятся)",
                r"сорвал\w{2,3}",
                # "Мирзоян не примет участия во встрече": one side stays away
                r"не (?:примет|примут) участи[ея]",
                # "Блинкен отказался от встречи с Лавровым"
                r"отказал(?:ся|ась|ись) от (?:встреч|переговор|визит|поездк|разговор)\w*",
                # "Джонсон не поедет в Индию, где должен был провести переговоры"
                r"не (?:поедет|приедет|полетит|прилетит|посетит|отправится)",
            ),
            re.I,
        ),
    ),
    (
        "postponed",
        re.compile(
            _words(
                # "не состоится в этот день": not on the day it was set for
                rf"не (?:состоится|состоятся|пройдет|пройдут) {THAT_DAY}",
                r"приостанов\w{1,6}",
                r"отлож\w{1,6}",
                r"перенес\w{1,6}",
                r"перенос\w{0,3}",
                r"перенесл\w{1,3}",
            ),
            re.IGNORECASE,
        ),
    ),
    (
        "planned",
        re.compile(
            _words(
                r"созвонит\w{1,4}",
                r"созвонятся",
                r"позвон(?:ит|ят)",
                r"встретит\w{1,4}",
                r"встретятся",
                r"проведут",
                r"проведет",
                r"состоится",
                r"состоятся",
                r"пройдет",
                r"пройдут",
                r"планиру\w{1,4}",
                r"предполага(?:ется|ются|л(?:ся|ась|ось|ись))",
                r"запланирован\w{0,3}",
                r"намерен\w{0,3}",
                r"намечен\w{0,3}",
                r"назначен\w{0,3}",
                # "Лула назначил встречу с X на 16:00"
                r"назначил\w{0,2}(?= (?:\w+ )?(?:встреч|переговор|разговор|бесед))",
                r"договорил\w{1,4} (?:провести|встретиться|созвониться|продолжить"
                r"|о (?:встрече|визите|проведении|телефонном))",
                r"условил\w{1,4} (?:провести|встретиться|о (?:встрече|визите|проведении))",
                r"мо(?:жет|гут) (?:встретиться|состояться|провести|созвониться|пройти)",
                MUST_HAPPEN,
                r"возможн\w{2,3}",
                r"предстоящ\w{2,3}",
                r"будущ\w{2,3}",
                r"подготовк\w{1,2}",
                r"готовит\w{0,3}",
                r"организ\w{2,6} (?:\w+ )?встреч\w{1,2}",
                # "ожидается", "ожидают"; not "после многочасового ожидания"
                r"ожида(?:ет|ют|л|ем)\w{0,4}",
                r"собира\w{2,5}",
                r"обсудят",
                r"обсудит",
                r"прибудет",
                r"посетит",
                r"примет",
                r"буд(?:ет|ут) принят\w{0,2}",
                r"хотел\w{0,2} бы",
                # "предложил встретиться", "предложение о встрече"; not the topic "по
                # российским предложениям о гарантиях"
                # ("То Лам позвонил и предложил снизить пошлины" is a call that happened)
                r"предлож(?:ил|ила|или|ит|ат|ено)(?:\s+[\w-]+){0,3}?\s+(?:встрет|созвон|провести"
                r"|организ|увидеться|посетить|приехать|прилететь|переговор|встреч|саммит|разговор"
                r"|визит|контакт)",
                r"предложени\w{1,2} (?:провести|встретиться|созвониться"
                r"|о (?:встрече|визите|переговорах|разговоре|проведении))",
                # (not "успел провести встречи": managed to, so held)
                r"(?<!успел )(?<!успела )(?<!успели )(?<!удалось )провести",
                # (not "встретился с X и принял приглашение на саммит": a plan of another
                # event, accepted)
                r"(?<!принял )(?<!приняла )(?<!приняли )приглаш\w{1,6}",
                r"пригласил\w{0,2}",
                r"не исключ\w{1,5}",  # "не исключил", "Не исключается"
                # "за контактами министров может последовать встреча президентов"
                r"(?:может|могут|мог\w{0,2} бы) последовать",
                r"последует",
                r"допусти\w{1,4}",
                r"допуска\w{1,4}",
            ),
            re.IGNORECASE,
        ),
    ),
)
# "О встрече глав ведомств договорились на прошлой неделе": agreed on, not yet held
AGREED_ABOUT_RE = re.compile(
    r"(?<![\w-])о (?:встрече|визите|переговорах|разговоре)(?![\w-])[^.;]{0,80}?"
    r"(?<![\w-])(?:договорил|условил)(?:ись|ся|ась)(?![\w-])",
    re.IGNORECASE,
)
# "Переговоры, перенесенные с четверга, состоялись в пятницу": moved, then held
HELD_AFTER_MOVE_RE = re.compile(
    r"(?<![\w-])(?:перенесенн|отложенн)\w+(?![\w-]).*(?<![\w-])(?<!не )(?:состоял(?:ся|ась|ось|ись)"
    r"|прош(?:ел|ла|ло|ли))(?![\w-])",
    re.IGNORECASE,
)
# a predicate far from its subject noun: "Встреча ..., намеченная на ..., отложена"
# "встреча, намеченная на воскресенье, так и не состоялась": a set contact never held
NEVER_HELD = r"(?:так и )?не (?:состоялась|состоялся|состоялось|состоялись|прошла|прошли)"
NEVER_HELD_RE = re.compile(_words(NEVER_HELD), re.IGNORECASE)
# "встреча Штайнмайера с Зеленским не состоялась": the predicate of the contact noun
NOT_TAKEN_PLACE_RE = re.compile(rf"(?:\s+[^\s,.;:]+){{0,6}}?\s+{NEVER_HELD}(?![\w-])", re.I)
PREDICATE_STATUS: tuple[tuple[Status, re.Pattern[str]], ...] = (
    (
        "cancelled",
        re.compile(
            _words(
                r"отменен[аоы]?",
                r"отменили",
                rf"не (?:состоится|состоятся|пройдет|пройдут)(?! {THAT_DAY})",
                # "переговоры …, намеченные на декабрь, пришлось отменить"
                r"(?:пришлось|решили|решено|было решено) отменить",
            ),
            re.IGNORECASE,
        ),
    ),
    (
        "postponed",
        re.compile(
            _words(
                r"отложен[аоы]?",
                r"перенесен[аоы]?",
                r"приостановлен[аоы]?",
                rf"не (?:состоится|состоятся|пройдет|пройдут) {THAT_DAY}",
                r"(?:пришлось|решили|решено|было решено) (?:отложить|перенести)",
            ),
            re.IGNORECASE,
        ),
    ),
    (
        # "встреча, намеченная на воскресенье, так и не состоялась" (not put off first:
        # "были отложены и так и не состоялись" is postponed)
        "cancelled",
        NEVER_HELD_RE,
    ),
    (
        "planned",
        re.compile(
            _words(
                r"состоится",
                r"состоятся",
                r"пройдет",
                r"пройдут",
                r"запланирован[аоы]?",
                r"намечен[аоы]?",
                r"назначен[аоы]?",
                # "переговоры с X, намеченные на вторник, 28 марта"
                r"(?:намеченн|запланированн|назначенн)\w{2,3} на",
                # "разговор президентов ... готовится и должен состояться во вторник"
                r"готов(?:ит|ят)ся",
                r"планиру(?:ет|ют)ся",
                r"ожида(?:ет|ют)ся",
                MUST_HAPPEN,
                # "Встреча ... должна была стать первым визитом": it has not happened yet
                r"долж(?:ен|на|ны|но) был[аио]? стать",
            ),
            re.IGNORECASE,
        ),
    ),
)
# a main clause that rejects the report of a contact stated after it
DENIAL_RE = re.compile(
    _words(
        r"опроверг\w{0,3}",
        r"опровергл\w{1,2}",
        r"отверг\w{0,3}",
        r"назвал\w{0,2} (?:ложью|фейком|выдумкой|неправдой|вымыслом|дезинформацией)",
        r"не соответству\w{2,3} действительности",
        r"якобы",
        # "ему ничего не известно о недавнем телефонном разговоре"
        r"(?:ничего )?не известно (?:о|об|ни о)",
        r"(?:ничего )?неизвестно (?:о|об|ни о)",  # "ему неизвестно о каком-либо разговоре"
        # "МИД не располагает сведениями о телефонном разговоре"
        r"не располага\w{2,4} (?:никакими )?(?:сведениями|информацией|данными) (?:о|об)",
    ),
    re.IGNORECASE,
)
# a sentence listing who else took part in the contact just reported
# "США представляли госсекретарь X и советник Y", "Россию представляли X и Y": a side's
# people (at a summit, "Индию представлял министр" is the forum's, not a pair's meeting)
REPRESENTED = (
    r"(?<![\w-])(?-i:[А-ЯЁ])[А-ЯЁа-яё]+ (?:вновь |снова |также )?представлял[аи]?(?![\w-])"
)
PARTY_RE = re.compile(
    r"(?<![\w-])(?:с (?:российской|американской|\w+ской) стороны"
    r"|делегаци\w+ (?:возглавлял|возглавил|представлял)"
    r"|(?:также|еще) (?:участвовал|приняли участие|принял участие|присутствовал)\w{0,2}"
    # (not "также приняли участие в заседаниях": the forum's sessions, not the contact)
    r"(?! (?:в|на) (?:заседани|саммит|форум|сесси|конференци|работе|мероприяти|пленарн))"
    r"|во? (?:переговорах|встрече|беседе|консультациях|видеоконференции|них|ней|нем),?"
    r" (?:также |помимо [^,.]{3,40}, )?"
    r"(?:участвовал|приняли|принял|присутствовал)\w{0,2}"
    r"|в составе (?:\w+ )?делегаци\w+"
    # "За одним столом собрались X, Y и Z"
    r"|за (?:одним|круглым|общим) столом (?:собрались|сели|оказались|встретились)"
    # "Встречу открыл министр иностранных дел Турции Хакан Фидан"
    r"|(?:встречу|переговоры|заседание) (?:открыл|открыла|вел|вела|модерировал)\w{0,2}"
    # "Встреча прошла при посредничестве канцлера Германии Олафа Шольца"
    r"|(?:прошл[аио]|прошли|состоял\w{2,3}) при (?:участии|посредничестве)"
    # "Открыл их министр …", "открыть их должен министр …"
    r"|(?:открыл|открыла|открыть|открывал) (?:их|ее|встречу|переговоры)(?![\w-])"
    r"|\w+ю делегацию (?:вновь |снова |также )?"
    r"(?:представлял|возглавил|возглавит|представит)\w{0,2}"
    # "Американскую сторону представляли госсекретарь X и советник Y"
    r"|\w+скую сторону (?:вновь |снова |также )?(?:представлял|возглавлял|возглавил)\w{0,2}"
    # "В украинскую делегацию вошли X, Y и Z"
    r"|в (?:состав )?\w+(?:ую|ой) делегаци\w+ (?:вошли|входили|вошел|вошла)"
    rf"|{REPRESENTED})",
    re.IGNORECASE,
)
REPRESENTED_RE = re.compile(REPRESENTED)
# a contact of two sides whose people are listed in the next sentences
SIDES_PAIR_RE = re.compile(
    r"(?<![\w-])(?i:делегаци\w+|стороны|переговоры(?: делегаций)?|встреча(?: делегаций)?)"
    r" (?:[А-ЯЁ][А-ЯЁа-яё]+ и [А-ЯЁ][А-ЯЁа-яё]+)"
    r"|(?<![\w-])(?i:\w+ская и \w+ская делегаци\w+)"
    r"|(?<![\w-])(?i:[а-яё]{3,}[оe]-[а-яё]+ск\w+ (?:переговор|встреч|консультаци)\w*)"
    # "прошли переговоры министров иностранных дел." : the ministers are named next
    r"|(?<![\w-])(?i:(?:переговор|встреч)\w* (?:министров|глав|руководителей)"
    r" (?:иностранных дел|МИД|внешнеполитических ведомств|обороны))(?=\s*[.:])",
)
# a clause about an earlier event than the article's news: "предыдущий разговор", "последний
# раз встречались"; "ранее" counts only with a date of its own (EARLIER_DATED_RE)
# the manner of a contact: "переговоры в режиме видеоконференции" is a call, not a meeting
MANNER_PHONE_RE = re.compile(
    r"(?<![\w-])(?:в (?:режиме|формате)|по)\s+"
    r"(?:видеоконференц\w*|видеосвяз\w*|видеозвонк\w*|телефону)(?![\w-])",
    re.IGNORECASE,
)
EARLIER_RE = re.compile(
    _words(
        r"предыдущ\w{2,3}",
        r"прошл(?:ый|ого|ом|ая|ой|ую|ые|ых)",
        r"прежн\w{2,3}",
        r"последний раз",
        r"до этого",
    ),
    re.IGNORECASE,
)
EARLIER_DATED_RE = re.compile(_words(r"ранее", r"прежде"), re.IGNORECASE)
FRAME_RE = re.compile(
    r"(?:в ходе|во время|по итогам|в рамках|после|на|в)\s+(?:\w+\s+){0,2}$", re.IGNORECASE
)
INITIATIVE_RE = re.compile(r"по\s+инициативе\s+(\w+)\s+сторон\w", re.IGNORECASE)
CLAUSE_BREAK_RE = re.compile(
    r",\s*(?:что|чтобы|которы\w+|котор\w+|где|когда|поскольку|так как|а также|однако|но"
    r"|а затем|а потом|после чего|затем|потом|после этого|тогда же|а(?= со? )"
    # "…, а во вторник его принял Моди": another day, another clause
    r"|а(?= (?:во?|на) (?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье))"
    # "…, а во второй половине дня его принял Моди": another time of the day, or the guest
    # as a pronoun with a new verb
    r"|а(?=(?: (?:во второй|в первой) половине дня| утром| днем| днём| вечером| позже"
    r"| позднее| на следующий день)? (?:его|ее|её|их) [а-яё]+л[аи]?\b"
    # "…, а вечером провел переговоры с Z": a time of the day and a new verb of the subject
    r"| (?:утром|днем|днём|вечером|позже|позднее) [а-яё]+л[аи]?\b)"
    # "Байден встретился с ас-Сиси, а 20 ноября 2022 года Эрдоган и ас-Сиси …": another
    # subject, named first or after a date (not "…, а 15 октября провел переговоры")
    r"|а(?=(?: \d{1,2} [а-яё]+(?: \d{4} года)?)? (?-i:[А-ЯЁ])[а-яё]))\b"
    r"|[;:«»\"“”()\[\]]"
    # (not "с руководством ЕС - председателем Европейского совета X, …": the titled people)
    r"|\s[–—-]\s(?!(?:министр|президент|председател|глав|премьер|канцлер|генсек|госсекретар"
    r"|верховн|спецпосланник)\w*(?:ом|ем|ой|ым)\b)"
    # "Встреча состоялась на следующий день после того, как Трамп проговорил с Путиным"
    r"|\s(?:после|до|перед)\s+(?:того|тем),?\s+как\b",
    re.IGNORECASE,
)
# "с наследным принцем, премьер-министром X", "с первым заместителем премьер-министра
# Монголии, министром экономики и развития X": apposition titles may stand before the name
# (not "с тех пор, как X сменил Y")
WITH_RE = re.compile(
    # ("с Заместителем Премьер-Министра – Министром иностранных дел X": a dash between titles)
    r"(?<![\w-])(?:с|со)\s+(?!тех\s+пор\b)(?:[\w«»\"–—-]+,?\s+){0,9}$",
    re.IGNORECASE,
)
RELATIVE_CLAUSE_RE = re.compile(r"^,\s*(?:которые|который|которая)\b", re.IGNORECASE)
# ", которому Трамп позвонил": a relative clause in any case
ANY_RELATIVE_RE = re.compile(r",\s*котор\w+\b", re.IGNORECASE)
BETWEEN_RE = re.compile(r"(?<![\w-])между\s+$", re.IGNORECASE)
JUNK_LINE_RE = re.compile(r"Фото:|Фото\s*[—-]|коллаж|©|Читать на сайте|^\s*Фото\b", re.IGNORECASE)
TAIL_MARKERS_RE = re.compile(
    r"^\s*(?:Читайте также|Читайте другие|Читайте нас|В тренде|Популярн\w+ новости|Источник:"
    r"|Подписывайтесь|Новости партн|Реклама|Самое читаемое|Похожие новости|Другие новости"
    r"|Материалы по теме|Лента новостей)",
    re.IGNORECASE | re.MULTILINE,
)
SPOKESMAN_RANKS = frozenset({"spokesman", "mfa_spokesman"})


def find_cues(sentence: str) -> list[Cue]:
    """Contact words in a sentence, longest first where they overlap."""
    found: list[Cue] = []
    for kind, verb, weak, pattern in CUE_PATTERNS:
        for m in pattern.finditer(sentence):
            if not any(m.start() < c.end and c.start < m.end() for c in found):
                found.append(Cue(m.start(), m.end(), kind, verb, weak))
    for m in RECEIVE_RE.finditer(sentence):
        if not NOT_RECEIVE_RE.match(sentence[m.end() :]) and (
            not m.group(0).lower().startswith("приветств")
            or WELCOMED_RE.match(sentence, m.end()) is not None
        ):
            found.append(Cue(m.start(), m.end(), "meeting", True, False, receive=True))
    for m in WELCOME_RE.finditer(sentence):
        start, end = m.span("verb") if m.group("verb") else m.span("verb2")
        # ("гостя встретила Санду": the welcome, not a meeting "с" someone)
        found = [c for c in found if not (start < c.end and c.start < end)]
        found.append(Cue(start, end, "meeting", True, False, receive=True))
    for kind, pattern in GUEST_CUES:
        for m in pattern.finditer(sentence):
            if not any(m.start() < c.end and c.start < m.end() for c in found):
                found.append(Cue(m.start(), m.end(), kind, True, False))
    for m in NOT_CONTACT_RE.finditer(sentence):
        found = [c for c in found if not (m.start() <= c.start < m.end())]
    manner = [c for c in found if c.kind == "visit" and WITH_VISIT_RE.search(sentence, 0, c.end)]
    if manner and len(manner) < len(found):
        # "Шольц, прибывший в Киев с необъявленным визитом, провел переговоры": the trip's
        # manner; the talks are the contact
        found = [c for c in found if c not in manner]
    return sorted(found, key=lambda c: c.start)


def has_cue(sentence: str) -> bool:
    """Cheap test: does the sentence contain any contact word at all."""
    return (
        any(p.search(sentence) for _, _, _, p in CUE_PATTERNS)
        or bool(RECEIVE_RE.search(sentence))
        or bool(WELCOME_RE.search(sentence))
        or any(p.search(sentence) for _, p in GUEST_CUES)
    )


# "Вашингтон отложил пошлины": a thing put off or called off that is no contact
UNDONE_THING_RE = re.compile(
    r"\w+\s+(?:[а-яё]+\s+){0,2}?(?:пошлин|тариф|санкци|введени|голосовани|решени|выбор"
    r"|запуск|сделк|поставк|поставок|рассмотрени|вступлени|забастовк|митинг|парад|учени)\w*",
    re.IGNORECASE,
)


# "передал ему приглашение короля": an invitation handed over, no plan of this contact
PASSED_ON_RE = re.compile(r"(?:передал|вручил)\w{0,2}\s+(?:[а-яё]+\s+)?$", re.IGNORECASE)


# "встречу перенесли в Пекин": moved to another city, not put off
VENUE_MOVE_RE = re.compile(r"\s+(?:в|во)\s+[А-ЯЁ][а-яё]+(?![\w-])(?!\s+[а-яё]+ся)")


def status_of(clause: str, after: str = "") -> Status:
    """Status stated in a clause: denied, cancelled, postponed, planned, else happened.
    `after` is the text the clause window cut off (to see what was put off)."""
    whole = clause + after
    for status, pattern in STATUS_PATTERNS:
        for m in pattern.finditer(clause):
            if status in ("cancelled", "postponed") and UNDONE_THING_RE.match(whole, m.start()):
                continue
            if status == "planned" and PASSED_ON_RE.search(clause, 0, m.start()):
                continue  # "встретился с Трампом и передал ему приглашение": a message
            if status == "postponed" and VENUE_MOVE_RE.match(whole, m.end()):
                return "planned"  # "ее перенесли в Пекин": the same plan, another place
            return held_after_move(status, clause)
    return "happened"


def held_after_move(status: Status, clause: str) -> Status:
    """ "Переговоры, перенесенные с четверга, состоялись в пятницу": moved, then held."""
    return "happened" if status == "postponed" and HELD_AFTER_MOVE_RE.search(clause) else status


def predicate_status(tail: str) -> Status | None:
    """Status stated by a predicate after the contact noun, or None."""
    for status, pattern in PREDICATE_STATUS:
        if pattern.search(tail):
            return status
    return None


def clause_bounds(sentence: str, pos: int) -> tuple[int, int]:
    """Start and end of the clause around position `pos`."""
    start, end = 0, len(sentence)
    for m in CLAUSE_BREAK_RE.finditer(sentence):
        if m.end() <= pos:
            start = m.start() if m.group(0).startswith(",") else m.end()
        elif m.start() >= pos:
            end = m.start()
            break
    return start, end


NUMBERED_LINE_RE = re.compile(r"^\s*\d{1,2}[.)]\s+\S")
SENTENCE_END = (".", "!", "?", "…", "»", '"', "”")
ASIDE_RE = re.compile(r"\[[^\]\n]{0,160}\]|\([^)\n]{0,160}\)")
SHORT_QUOTE_RE = re.compile(r"«([^«»\n]{1,40})»|\"([^\"\n]{1,40})\"")


def _junk_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of menus, headline lists, captions and the page tail."""
    ranges: list[tuple[int, int]] = []
    tail = TAIL_MARKERS_RE.search(text, min(len(text), 150))
    if tail:
        ranges.append((tail.start(), len(text)))
    lines: list[tuple[int, int, str]] = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line), line))
        pos += len(line) + 1
    run: list[tuple[int, int]] = []
    for start, end, line in [*lines, (len(text), len(text), "")]:
        stripped = line.strip()
        listed = bool(NUMBERED_LINE_RE.match(line)) or (
            # (a chronicle's items end in ";", headlines never do)
            0 < len(stripped) < 200 and not stripped.endswith((*SENTENCE_END, ";"))
        )
        if JUNK_LINE_RE.search(line):
            ranges.append((start, end))
        if listed:
            run.append((start, end))
            continue
        if not stripped and run:
            continue
        if len(run) >= 3 or (run and all(NUMBERED_LINE_RE.match(text[s:e]) for s, e in run)):
            ranges += run
        run = []
    return ranges


# a sentence ending in a Chinese or Korean name of one-letter given name: "Ван И."
SYLLABLE_NAME_END_RE = re.compile(
    r"(?<=\s)[А-ЯЁ][а-яё]{1,2} [А-ЯЁ]\.(?P<gap>\s+)(?=[А-ЯЁ][а-яё]+\s|\d{1,2}\s+[а-яё]+)"
)

# "22 января — переговоры в Москве, 29 июня — встреча в Осаке": dated entries of a list
# written in one sentence, each told apart
LIST_ENTRY_RE = re.compile(
    rf"(?:(?<=[,;]\s)|(?<=^))\d{{1,2}}\s+(?:{MONTH_ALT})(?:\s+\d{{4}}(?:\s+г(?:ода|\.))?)?"
    r"\s+[—–]\s+(?=[а-яё])"
)


def _entry_cuts(piece: str) -> list[int]:
    """Where the second and later dated entries of a one-sentence list start."""
    starts = [m.start() for m in LIST_ENTRY_RE.finditer(piece)]
    return starts[1:] if len(starts) >= 2 else []


def content_sentences(text: str) -> list[tuple[int, str]]:
    """Sentences of the article body (razdel), one line at most, leftovers skipped."""
    from razdel import sentenize

    junk = _junk_ranges(text)
    out: list[tuple[int, str]] = []
    for sent in sentenize(text):
        offset = sent.start
        for part in sent.text.split("\n"):
            start, end = offset, offset + len(part)
            offset = end + 1
            if not part.strip() or any(s <= start < e or s < end <= e for s, e in junk):
                continue
            lead = len(part) - len(part.lstrip())
            at = start + lead
            piece = part.strip()
            # "… министра КНР Ван И. Китайский министр …": razdel reads "И." as an initial
            cuts = sorted(
                [m.end("gap") for m in SYLLABLE_NAME_END_RE.finditer(piece)] + _entry_cuts(piece)
            )
            for a, b in zip([0, *cuts], [*cuts, len(piece)], strict=True):
                chunk = piece[a:b]
                if chunk.strip():
                    out.append((at + a + len(chunk) - len(chunk.lstrip()), chunk.strip()))
    return out


def blank_asides(sentence: str) -> str:
    """The sentence with [notes] and (asides) blanked and short «quoted terms» unquoted."""
    work = ASIDE_RE.sub(lambda m: " " * len(m.group(0)), re.sub(r"\s", " ", sentence))
    return SHORT_QUOTE_RE.sub(lambda m: " " + (m.group(1) or m.group(2)) + " ", work)
