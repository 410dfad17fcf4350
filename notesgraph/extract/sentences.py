"""One block of Korean note text as concepts with roles, clauses and classed verbs.

Korean marks a noun's role with the particle after it and puts the verb last, so
``Lambda 함수에서 DynamoDB를 사용`` reads as: ``Lambda`` (source, ``에서``),
``DynamoDB`` (object, ``를``), verb ``사용`` (class ``use``). Concepts come from
the mention matcher; a head noun between a name and its particle is skipped
(``Lambda 함수가``, ``SQS 대기열로``), and names joined by ``,`` ``/`` ``나`` ``와``
form one group that shares the last particle (``ALB나 API Gateway 배치``).

This is a small hand-written reader, not a parser: it is fast (no model), and
whatever it cannot read it leaves out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .context import MatchLike, key_of

#: Roles that make a concept the grammatical actor of its clause.
AGENT_ROLES = ("topic", "subject")

_HEAD_NOUN = (
    r"(?:함수|스트림|대기열|큐|토픽|주제|버킷|테이블|인스턴스|데이터베이스|DB|클러스터|서비스"
    r"|엔드포인트|규칙|이벤트\s*알림|이벤트|알림|로그|태스크|작업|워커|권한|정책|키|일정"
    r"|리소스|컨테이너|레코드|메시지|데이터|파일|그룹|역할)"
)
_HEAD_END = r"(?=[^가-힣]|\Z|[의을를이가은는에으로와과도만나보용내안앞뒤대통경랑])"
_TAIL = re.compile(rf"(?:\s*\([^()]*\))?(?:\s*{_HEAD_NOUN}{_HEAD_END})*")
_GROUP_TAIL = re.compile(
    r"(?:\s*등)?(?:\s*(?:(?:와|과)\s*같은|다양한|다른|여러|기타|많은|주요)(?:\s*AWS)?\s*(?:서비스|리소스))?"
)
_PARTICLES: tuple[tuple[str, str], ...] = (
    ("source_of", r"의\s*(?:이벤트\s*소스|트리거)(?:으로|로)"),
    ("consumer_of", r"의\s*(?:소비자|구독자|컨슈머)(?:으로|로)"),
    ("target_of", r"의\s*(?:대상|타깃|타겟)(?:으로|로)"),
    ("through", r"(?:을|를)?\s*(?:통해서?|통하여|통한|경유(?:해|하여)?|거쳐서?)"),
    ("outside", r"\s*(?:외부|밖)(?:에서|에|의)?"),
    ("inside", r"\s*(?:내부|내|안)(?:에서|에|의|로)?"),
    ("front", r"\s*앞(?:단)?에"),
    ("behind", r"\s*뒤(?:단)?에"),
    ("than", r"보다"),
    ("instead", r"(?:을|를)?\s*대신(?:에)?"),
    ("without", r"\s*없이"),
    ("with", r"(?:와|과)(?:의)?|(?:이)?랑"),
    ("source", r"에서|(?:으)?로부터"),
    ("goal", r"에게|에|까지"),
    ("to", r"(?:으)?로"),
    ("topic", r"은|는|도"),
    ("subject", r"이|가"),
    ("object", r"을|를"),
    ("poss", r"의|용"),
    ("or", r"(?:이)?나|\s*또는|\s*혹은"),
)
_PARTICLE = re.compile("|".join(f"(?P<{role}>{pattern})" for role, pattern in _PARTICLES))
_AFTER_PARTICLE = re.compile(r"(?:만|도|는|은)?(?![가-힣A-Za-z0-9])")
_LOOSE_PHRASE = re.compile(
    r"(?:\s+[가-힣A-Za-z0-9]+){0,2}?\s+[가-힣A-Za-z0-9]*?[가-힣A-Za-z0-9]"
    r"(?=(?:를|을|에서|에|으로|로|와|과)(?![가-힣A-Za-z0-9]))"
)
_LOOSE_ROLES = frozenset({"object", "goal", "to", "source", "with"})
_JOINER = re.compile(r"\s*(?:,|/|·|\+|&|및|그리고)\s*\Z")

_VERBS: tuple[tuple[str, str], ...] = (
    ("auth", r"인증(?!서)|권한\s*부여|authori[sz]e|authenticat"),
    ("trigger", r"트리거|trigger"),
    ("invoke", r"호출(?!\s*(?:수|권한|횟수))|invoke"),
    ("run", r"실행(?!\s*(?:시간|중|역할|환경|엔진|기간))|구동"),
    ("integrate", r"연동|통합|연결(?!\s*(?:초과|수|문제))|가리키|가리킴|integrat"),
    (
        "send",
        r"저장(?!소)|전송|적재|전달|내보내|내보냄|보내|보냄|가져오|가져옴|게시(?![판물])|푸시"
        r"|복사(?!본)|보관|기록|publish|deliver",
    ),
    ("use", r"(?:사용|이용)(?![자량률료처])|활용|쓰는|쓸|쓰고|쓰며|쓰면|써서"),
    ("place", r"배치|두어|두고|두면|둔다|위치시|등록"),
    ("access", r"접근|액세스|access"),
    ("attach", r"배포|적용|부착|attach"),
    ("alternative", r"대안|대체"),
)
_VERB = re.compile("|".join(f"(?P<{cls}>{pattern})" for cls, pattern in _VERBS))
#: Words without which a block states no relation (a cheap first filter).
CLAIM_WORDS = re.compile(
    "|".join(p for _, p in _VERBS) + r"|이벤트\s*소스|소비자|구독자|대상|타깃|타겟", re.IGNORECASE
)
_NOMINAL = re.compile(r"(?:성)?(?:을|를|이|가|은|는|의|에|으로|로)(?![가-힣])")
_COORDINATED = re.compile(r"(?:과|와)\s|\s*및\s")  # "IAM 인증과 보안": a noun phrase, no claim
_ADVERBS = re.compile(
    r"\s*(?:(?:직접|바로|곧바로|자동으로|원활히|쉽게|함께|모두|먼저|빠르게)\s*)*\Z"
)
_ADNOMINAL = re.compile(
    r"(?:된|한|하는|되는|할|될)\s+(?!(?:이유|경우|방법|것|때|수)(?![가-힣]))[가-힣A-Za-z]"
)
_NEGATED_AFTER = re.compile(r"[가-힣]*\s*(?:수\s*)?(?:없|않|못|불가|불필요|아니|안\s*됨)")
_NEGATED_BEFORE = re.compile(r"(?:못|안)\s*\Z")
_EVENT = re.compile(
    r"이벤트|업로드|도착|(?:변경|발생|요청|생성|삭제|수정)\s*(?:시|될\s*때|되면|하면)|변경되면"
)
_SENTENCE_END = re.compile(r"[.!?;](?=\s|\Z)|\s*(?:→|->|=>|⇒|➡|⟶)\s*")
_WORD = re.compile(r"[가-힣A-Za-z0-9]+")
#: Endings that close a clause inside a sentence: 하면, 하며, 하고, 하지만, 해서, 하여 …
_CONNECTIVES = tuple(
    [
        "면",
        "며",
        "고",
        "지만",
        "는데",
        "니까",
        "어서",
        "아서",
        "해서",
        "여서",
        "하여",
        "되어",
        "해",
        "돼",
        "거나",
        "도록",
    ]
)
_NOT_CONNECTIVE = frozenset(["통해", "위해", "대해", "의해", "통해서", "위해서", "최고", "참고"])
#: Words ending like a subject or topic that are adjectives, adverbs or nouns in -가.
_NOT_SUBJECT = frozenset(
    [
        "같은",
        "많은",
        "높은",
        "낮은",
        "작은",
        "좋은",
        "짧은",
        "넓은",
        "적은",
        "추가",
        "증가",
        "평가",
        "인가",
        "단가",
        "부가",
        "같이",
        "없이",
        "많이",
        "높이",
        "길이",
        "깊이",
        "이",
    ]
)
_VERB_STEM_BEFORE_NEUN = set("하되있없않쓰내가오주받이시키리르우보나두")
_DATA_OBJECT = re.compile(r"(?:데이터|메시지|이벤트|알림|로그|레코드|파일|객체)(?:을|를)?")
_QUANTIFIER = re.compile(r"여러|모든|하나의|각|다른|다양한|기타|등|개의|(?<![가-힣])개(?![가-힣])")
_DATA_NOUN = re.compile(rf"{_HEAD_NOUN}|내용|정보|객체")
_ASIDE = re.compile(r"\([^()]*\)")
_OPEN_PAREN = re.compile(r"\s*\(\s*")
_TO_CLOSE_PAREN = re.compile(r"[^()]*\)")
_COLON = re.compile(r"\s*[:：]")
_WORD_LABEL = re.compile(r"[^:：]{1,30}[:：]")
_TRAILING_ETC = re.compile(r"\s*등\s*$")
_LIST_SEPARATOR = re.compile(r"[,/·]|\s및\s|\s또는\s")


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group())


def _has_batchim(syllable: str) -> bool:
    code = ord(syllable) - 0xAC00
    return 0 <= code < 11172 and code % 28 != 0


@dataclass(frozen=True, slots=True)
class Concept:
    """One concept named in the text; a service followed by its feature is one concept."""

    key: str
    start: int
    end: int
    surface: str


@dataclass(frozen=True, slots=True)
class Arg:
    """A group of concepts sharing one particle, and the role that particle gives it."""

    keys: tuple[str, ...]
    role: str
    start: int
    tail_end: int  # after head nouns, before the particle
    end: int  # after the particle
    joined_by_with: bool = False  # "Lambda와 RDS": the group itself is a pairing


@dataclass(frozen=True, slots=True)
class Verb:
    """A lexicon verb in a clause: its class (``invoke``, ``send`` …) and how it is used."""

    cls: str
    start: int
    end: int
    window_start: int  # where this verb's arguments begin
    negated: bool
    nominal: bool  # used as a noun ("IAM 통합으로"): no guessing of missing partners
    modifier: bool  # describes a noun ("SNS 토픽에 게시된 메시지"): not the clause's claim
    event: bool  # an event phrase comes before it ("업로드 시 … 실행")


def merge_concepts(text: str, matches: Sequence[MatchLike]) -> list[Concept]:
    """Matcher mentions as concepts: ``Cognito 사용자 풀`` and ``ALB(Application …)`` are one."""
    merged: list[Concept] = []
    for match in sorted(matches, key=lambda m: (m.start, -m.end)):
        key = key_of(match)
        if merged and match.start < merged[-1].end:
            continue
        if merged:
            last = merged[-1]
            between = text[last.end : match.start]
            same_service = key.split("/")[0] == last.key.split("/")[0]
            if same_service and "/" not in last.key and not between.strip():
                merged[-1] = Concept(key, last.start, match.end, text[last.start : match.end])
                continue
            if same_service and _OPEN_PAREN.fullmatch(between):
                close = _TO_CLOSE_PAREN.match(text, match.end)
                end = close.end() if close else match.end
                merged[-1] = Concept(last.key, last.start, end, text[last.start : end])
                continue
        merged.append(Concept(key, match.start, match.end, match.surface))
    return merged


def add_back_references(text: str, concepts: list[Concept]) -> list[Concept]:
    """``RDS 프록시를 … 프록시를 통해``: a two-word name's last word, said again, is that name."""
    found = list(concepts)
    for concept in concepts:
        words = concept.surface.split()
        if len(words) < 2 or len(words[-1]) < 2 or not words[-1].isalnum():
            continue
        word = words[-1]
        start = text.find(word, concept.end)
        while start >= 0:
            end = start + len(word)
            fresh = not _WORD.match(text, start - 1) if start else True
            if fresh and not any(c.start < end and start < c.end for c in found):
                found.append(Concept(concept.key, start, end, word))
            start = text.find(word, end)
    return sorted(found, key=lambda c: c.start)


def _read_particle(text: str, pos: int) -> tuple[str, int]:
    """The role given by the particle at ``pos`` and where the particle ends."""
    match = _PARTICLE.match(text, pos)
    if match and match.lastgroup:
        after = _AFTER_PARTICLE.match(text, match.end())
        if after:
            return match.lastgroup, after.end()
    return "bare", pos


def group_args(text: str, concepts: list[Concept]) -> list[Arg]:
    """Concepts grouped by joiners, each group with the role of its last particle."""
    args: list[Arg] = []
    pending: list[Concept] = []
    with_joined = False
    for i, concept in enumerate(concepts):
        pending.append(concept)
        tail_end = _TAIL.match(text, concept.end).end()  # type: ignore[union-attr]
        opened = text[concept.start - 1 : concept.start] == "("
        if opened and text[tail_end : tail_end + 1] == ")":
            tail_end += 1  # "(Amazon EC2)와 비교"
        role, end = _read_particle(text, tail_end)
        nxt = concepts[i + 1] if i + 1 < len(concepts) else None
        if nxt is not None:
            gap = text[end : nxt.start]
            if role in ("or", "with") and not gap.strip():
                with_joined = with_joined or role == "with"
                continue
            if role == "bare" and _JOINER.match(text[tail_end : nxt.start]):
                continue
        opened = text[pending[0].start - 1 : pending[0].start] == "("
        if opened and len(pending) > 1 and text[tail_end : tail_end + 1] == ")":
            tail_end += 1  # "AWS 서비스(EBS, S3, RDS)와 통합"
            role, end = _read_particle(text, tail_end)
        group_end = _GROUP_TAIL.match(text, tail_end).end()  # type: ignore[union-attr]
        if group_end > tail_end:
            tail_end = group_end
            role, end = _read_particle(text, tail_end)
        if role == "bare":
            limit = nxt.start if nxt is not None else len(text)
            role, tail_end, end = _loose_role(text, tail_end, limit) or (role, tail_end, end)
        keys = tuple(dict.fromkeys(c.key for c in pending))
        args.append(Arg(keys, role, pending[0].start, tail_end, end, with_joined))
        pending, with_joined = [], False
    return args


def _loose_role(text: str, pos: int, limit: int) -> tuple[str, int, int] | None:
    """``S3 웹 사이트 엔드포인트를``: a name before a short noun phrase takes its particle."""
    match = _LOOSE_PHRASE.match(text, pos, limit)
    if match is None or _VERB.search(match.group()) or _EVENT.search(match.group()):
        return None
    role, end = _read_particle(text, match.end())
    if role not in _LOOSE_ROLES or end > limit:
        return None
    return role, match.end(), end


@dataclass(frozen=True, slots=True)
class Sentence:
    """A block's text read once: concepts, argument groups, clause spans and verbs."""

    text: str
    concepts: tuple[Concept, ...]
    args: tuple[Arg, ...]
    masked: str  # the text with every argument (names, head nouns, particles) blanked out
    verb_spans: tuple[tuple[str, int, int], ...]  # (class, start, end) of predicate verbs
    label: tuple[str, ...] = ()  # concepts of a leading "X:" label
    label_end: int | None = None

    # ----------------------------------------------------------------- spans
    def args_in(self, start: int, end: int) -> list[Arg]:
        """Arguments that start inside the span."""
        return [a for a in self.args if start <= a.start < end]

    def surfaces(self, key: str) -> list[str]:
        """How the text writes a concept (``RDS 프록시``, ``프록시``)."""
        return [c.surface for c in self.concepts if c.key == key]

    def clauses(self) -> list[tuple[int, int]]:
        """Spans between sentence ends, arrows and connective endings (``하면``, ``하고``)."""
        cuts = {0, len(self.text)}
        for match in _SENTENCE_END.finditer(self.text):
            cuts.update((match.start(), match.end()))
        for match in _WORD.finditer(self.masked):
            word = match.group()
            if word.endswith(_CONNECTIVES) and word not in _NOT_CONNECTIVE and len(word) > 1:
                cuts.add(match.end())
        points = sorted(cuts)
        return [(a, b) for a, b in zip(points, points[1:], strict=False) if self.text[a:b].strip()]

    # ----------------------------------------------------------------- verbs
    def verbs_in(self, start: int, end: int) -> list[Verb]:
        """The span's verbs; each one's arguments run from the previous verb to it."""
        verbs: list[Verb] = []
        window = start
        for cls, v_start, v_end in self.verb_spans:
            if not start <= v_start < end:
                continue
            negated = bool(
                _NEGATED_AFTER.match(self.text, v_end)
                or _NEGATED_BEFORE.search(self.text[:v_start])
            )
            event = bool(_EVENT.search(self.text, start, v_start))
            nominal = bool(_NOMINAL.match(self.text, v_end))
            modifier = bool(_ADNOMINAL.match(self.text, v_end))
            verbs.append(Verb(cls, v_start, v_end, window, negated, nominal, modifier, event))
            window = v_end
        return verbs

    def leads(self, arg: Arg, start: int) -> bool:
        """Only quantifiers (``여러``, ``모든``) stand between ``start`` and the argument."""
        return not _WORD.search(_QUANTIFIER.sub(" ", self.text[start : arg.start]))

    def adjacent(self, arg: Arg, pos: int, data: bool = False) -> bool:
        """Nothing but adverbs between the argument and ``pos`` (``S3로 바로 전송``).

        With ``data``, what is sent may stand between too (``SNS로 알림을 보내``).
        """
        if arg.end > pos:
            return False
        gap = self.text[arg.end : pos]
        if data:
            gap = _DATA_OBJECT.sub(" ", gap)
        return bool(_ADVERBS.match(gap))

    # ----------------------------------------------------- non-concept words
    def _words(self, start: int, end: int) -> list[str]:
        return _WORD.findall(self.masked[start:end])

    def has_word_subject(self, start: int, end: int) -> bool:
        """A person or thing, not a service, is the subject or topic (``클라이언트가``)."""
        for word in self._words(start, end):
            if len(word) < 2 or word in _NOT_SUBJECT:
                continue
            last, before = word[-1], word[-2]
            topic = last == "은" or (last == "는" and before not in _VERB_STEM_BEFORE_NEUN)
            if topic and before not in "로에서때시면도만":  # not "기본적으로는", "때는"
                return True
            if last == "가" and not _has_batchim(before) and "가" <= before <= "힣":
                return True
            if last == "이" and _has_batchim(before):
                return True
        return False

    def has_word_ending(self, start: int, end: int, endings: tuple[str, ...]) -> bool:
        """A non-concept word with one of these particles (``토큰을``, ``클라이언트에서``)."""
        return any(
            len(w) > max(map(len, endings)) and w.endswith(endings) for w in self._words(start, end)
        )

    # ------------------------------------------------------------ shapes
    def _leftover(self, start: int, end: int) -> str:
        """The span's words that are neither names, asides, quantifiers nor data nouns."""
        rest = _ASIDE.sub(" ", self.masked[start:end])
        rest = _QUANTIFIER.sub(" ", rest)
        return _DATA_NOUN.sub(" ", rest)

    def is_label_segment(self, start: int, end: int) -> bool:
        """Only names (and head nouns) in this span: ``S3 이벤트``, ``CloudWatch / EventBridge``."""
        args = self.args_in(start, end)
        if not args or any(a.role != "bare" for a in args):
            return False
        return not _WORD.search(self._leftover(start, end))

    def is_bare_segment(self, start: int, end: int) -> bool:
        """Names with at most particles and data nouns: ``여러 SQS 대기열``, ``SQS에 메시지``."""
        if not self.args_in(start, end):
            return False
        return not _WORD.search(self._leftover(start, end))

    def with_label(self, end: int) -> Sentence:
        """This sentence with the concepts before ``end`` as its label."""
        keys = tuple(k for a in self.args if a.start < end for k in a.keys)
        return replace(self, label=tuple(dict.fromkeys(keys)), label_end=end)

    def topic(self) -> str | None:
        """What the block is about, if it says: its label, a marked topic, or a leading name."""
        if self.label:
            return self.label[0]
        for arg in self.args:
            if arg.role in AGENT_ROLES:
                return arg.keys[0]
        if (
            self.args
            and self.args[0].role == "bare"
            and not self.text[: self.args[0].start].strip()
        ):
            return self.args[0].keys[0]
        return None

    def word_label(self) -> int | None:
        """End of a leading ``words:`` label that names no concept (``연동 가능한 서비스:``)."""
        match = _WORD_LABEL.match(self.text)
        if match and not self.args_in(0, match.end()):
            return match.end()
        return None


def _mask(text: str, args: Sequence[Arg]) -> str:
    """Blank out arguments so verbs and words are only looked for between them."""
    chars = list(text)
    for arg in args:
        chars[arg.start : arg.end] = " " * (arg.end - arg.start)
    return "".join(chars)


def _attached(text: str, args: Sequence[Arg], pos: int) -> bool:
    """A nominal verb counts when a concept is attached to it: ``IAM 인증을``, ``S3와의 통합성``."""
    return any(a.role in ("bare", "with") and not text[a.end : pos].strip() for a in args)


def _predicates(text: str, masked: str, args: Sequence[Arg]) -> tuple[tuple[str, int, int], ...]:
    """Lexicon verbs outside names and asides, minus noun uses that claim nothing.

    ``배치`` places something only with ``앞에``/``뒤에``; otherwise it is "batch".
    """
    aside = _ASIDE.sub(_blank, masked) if "(" in masked else masked
    lowered = aside.lower()
    if len(lowered) == len(aside):  # lower() keeps offsets for Hangul and ASCII
        aside = lowered
    placing = any(a.role in ("front", "behind") for a in args)
    found: list[tuple[str, int, int]] = []
    for match in _VERB.finditer(aside):
        if match.lastgroup == "place" and not placing:
            continue
        if _COORDINATED.match(text, match.end()):
            continue
        if _NOMINAL.match(text, match.end()) and not _attached(text, args, match.start()):
            continue
        found.append((match.lastgroup or "", match.start(), match.end()))
    return tuple(found)


def analyse(text: str, matches: Sequence[MatchLike]) -> Sentence:
    """Read one block: its concepts, their groups and roles, its verbs and any label."""
    concepts = add_back_references(text, merge_concepts(text, matches))
    args = group_args(text, concepts)
    masked = _mask(text, args)
    verbs = _predicates(text, masked, args)
    sentence = Sentence(text, tuple(concepts), tuple(args), masked, verbs)
    if args and args[0].role == "bare" and not text[: args[0].start].strip():
        colon = _COLON.match(text, args[0].end)
        if colon and not _WORD.search(sentence._leftover(0, args[0].end)):
            return replace(sentence, label=args[0].keys, label_end=colon.end())
    return sentence


def is_concept_list(sentence: Sentence, start: int = 0) -> bool:
    """``Lambda, Kinesis Data Analytics, Glue 등``: short comma-separated items, no verbs."""
    text = _ASIDE.sub("", sentence.text[start:])
    text = _TRAILING_ETC.sub("", text.strip())
    if ":" in text or "：" in text:
        return False
    items = [i.strip() for i in _LIST_SEPARATOR.split(text) if i.strip()]
    if len(items) < 2 or any(len(i.split()) > 3 for i in items):
        return False
    args = sentence.args_in(start, len(sentence.text))
    if not args or any(a.role not in ("bare", "or") for a in args):
        return False
    return not sentence.verbs_in(start, len(sentence.text))


def list_keys(sentence: Sentence, start: int = 0) -> list[str]:
    keys = [k for a in sentence.args_in(start, len(sentence.text)) for k in a.keys]
    return list(dict.fromkeys(keys))
