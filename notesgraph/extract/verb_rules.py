"""How each verb class turns the concepts of a clause into typed relations.

:mod:`.sentences` reads a clause into concepts with roles and a classed verb;
the rules here say who does what to whom: ``A에서 B를 호출`` is A invokes B,
``A를 B 내에서 실행`` is A runs in B, ``A보다 B를 사용`` is B alternative to A.
A role the clause leaves unsaid may be filled from the clause before (the
carried actor) or from the block's context, but never when the clause names a
person or thing as its subject, uses the verb as a noun, or names a concept
that no rule placed.

Where grammar is not enough, the catalogue category decides: ``VPC에서 실행``
runs inside a network but ``Step Functions에서 실행`` invokes; ``IAM 인증`` is IAM
authenticating but ``API Gateway 인증`` is API Gateway being authenticated.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from .catalog import load_catalog
from .facts import RelationKind, split_key
from .sentences import AGENT_ROLES, Arg, Sentence, Verb

Found = tuple[str, str, RelationKind]

_PROXY = re.compile(r"proxy|프록시", re.IGNORECASE)
_DATA_HEAD = re.compile(r"로그|데이터|이벤트|메시지|레코드|지표|알림|스트림|테이블|스냅샷|백업")


def read_clause(clause: Clause) -> Iterator[Found]:
    """Relations of one verb and the concepts before it in its clause."""
    rule = _RULES.get(clause.verb.cls)
    if rule is not None:
        yield from rule(clause)


def keys_with_roles(args: Iterable[Arg], *roles: str) -> tuple[str, ...]:
    """The concept keys of the arguments with one of ``roles``, in order, once each."""
    return tuple(dict.fromkeys(k for a in args if a.role in roles for k in a.keys))


@dataclass(frozen=True, slots=True)
class Clause:
    """The concepts of one verb's clause by role, with the fallbacks it may use."""

    sentence: Sentence
    verb: Verb
    args: list[Arg]
    label: tuple[str, ...]
    carried: tuple[str, ...]
    context: str | None
    word_subject: bool  # an earlier clause's subject was a person or thing, not a service

    @property
    def blocked(self) -> bool:
        """The actor's place is taken by a non-service, or the verb is not the claim."""
        verb = self.verb
        if verb.nominal or verb.modifier:
            return True
        if self.word_subject and not any(a.role in AGENT_ROLES for a in self.args):
            return True
        return self.sentence.has_word_subject(verb.window_start, verb.start)

    def get(self, *roles: str) -> tuple[str, ...]:
        """Concepts with one of ``roles`` (``"label"`` is the block's ``X:`` label)."""
        keys: list[str] = []
        for role in roles:
            if role == "label":
                keys.extend(self.label)
                continue
            keys.extend(k for arg in self.args if arg.role == role for k in arg.keys)
        return tuple(dict.fromkeys(keys))

    def direct(self, *roles: str, data: bool = False) -> tuple[str, ...]:
        """Concepts with one of ``roles`` right before the verb (``S3로 전송``, ``Lambda 호출``)."""
        keys = [
            k
            for arg in self.args
            if arg.role in roles and self.sentence.adjacent(arg, self.verb.start, data)
            for k in arg.keys
        ]
        return tuple(dict.fromkeys(keys))

    def actor(self, *used: str) -> tuple[str, ...]:
        """The actor a clause leaves unsaid: the previous clause's, else the context."""
        if self.carried:
            return self.carried
        return self.fallback(*used)

    def fallback(self, *used: str) -> tuple[str, ...]:
        """The context in a missing role, unless the clause names a concept left unplaced.

        ``Route 53으로 ALB에 도메인 연결`` names Route 53 in a role no rule reads: the
        clause is not about the heading's service, so the context must not fill in.
        """
        if not self.context or self.blocked:
            return ()
        if any(k not in used for a in self.args for k in a.keys):
            return ()
        return (self.context,)


def _pairs(sources: Iterable[str], targets: Iterable[str], kind: RelationKind) -> Iterator[Found]:
    targets = tuple(targets)
    for source in sources:
        for target in targets:
            yield source, target, kind


def _without(keys: tuple[str, ...], taken: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(k for k in keys if k not in taken)


def _invoke(clause: Clause) -> Iterator[Found]:
    """``API Gateway에서 Lambda 호출``, ``EventBridge 규칙으로 Lambda 호출``."""
    patients = clause.get("object") + clause.direct("bare")
    agents = _without(clause.get("label", "topic", "subject", "source", "to"), patients)
    sentence, verb = clause.sentence, clause.verb
    said = sentence.has_word_ending  # "클라이언트에서 호출", "토큰을 호출": the role is taken
    if patients and not agents and not said(verb.window_start, verb.start, ("에서",)):
        agents = clause.actor(*patients)
    elif agents and not patients and not said(verb.window_start, verb.start, ("을", "를")):
        patients = clause.fallback(*agents)
    yield from _pairs(agents, patients, "invokes")


def _trigger(clause: Clause) -> Iterator[Found]:
    """``DynamoDB → 데이터 변경 시 트리거``, ``EventBridge 규칙으로 상태 머신 트리거``."""
    targets = clause.get("object") + clause.direct("bare")
    sources = clause.get("label", "topic", "subject", "source", "to", "poss", "goal", "bare")
    sources = _without(sources, targets)
    if targets and not sources:
        sources = clause.actor(*targets)
    elif sources and not targets:
        targets = clause.fallback(*sources)
    yield from _pairs(sources, targets, "triggers")


def _run(clause: Clause) -> Iterator[Found]:
    """``실행``: triggers after an event, runs in a VPC or host, else invokes (``A가 B를 실행``)."""
    if clause.verb.event:
        yield from _trigger(clause)
        return
    inside = clause.get("inside")
    if inside:
        things = clause.get("object", "topic", "subject", "bare", "label") or clause.actor(*inside)
        yield from _pairs(_without(things, inside), inside, "runs_in")
        return
    sources = clause.get("source")
    patients = clause.get("object") + clause.direct("bare")
    agents = clause.get("label", "topic", "subject", "to") or clause.carried
    hosts = tuple(k for k in sources if _is_network(k))
    if hosts and (patients or agents):
        yield from _pairs(_without(patients or agents, hosts), hosts, "runs_in")
    elif sources and patients:
        yield from _pairs(sources, patients, "invokes")
    elif sources and agents:
        yield from _pairs(agents, sources, "runs_in")
    elif agents and patients:
        yield from _pairs(agents, patients, "invokes")


def _integrate(clause: Clause) -> Iterator[Found]:
    """``X와 연동``, ``X에 연결``, ``X 통합``; through a proxy it is ``connects_through``."""
    through = clause.get("through")
    agents = clause.get("label", "topic", "subject", "source")
    if through:
        yield from _pairs(agents or clause.actor(*through), through, "connects_through")
        return
    for arg in clause.args:
        if arg.joined_by_with and arg.role in ("bare", "poss", "object"):
            yield from _pairs(arg.keys[:1], arg.keys[1:], "integrates_with")
            return
    partners = _without(clause.get("with", "goal") + clause.direct("bare", "object", "to"), agents)
    if not partners:
        sentence, verb = clause.sentence, clause.verb
        partner_words = ("와", "과", "와의", "과의", "에")
        if agents and not sentence.has_word_ending(verb.window_start, verb.start, partner_words):
            yield from _pairs(agents, clause.fallback(*agents), "integrates_with")
        return
    agents = agents or _without(clause.get("to"), partners)  # "Route 53으로 ALB에 연결"
    actors = agents or clause.actor(*partners)
    for partner in partners:
        kind: RelationKind = (
            "connects_through" if _is_proxy(partner, clause.sentence) else "integrates_with"
        )
        yield from _pairs(actors, (partner,), kind)


def _category(key: str) -> str | None:
    """The catalogue category of a concept's service (None for a vault-only service)."""
    try:
        return load_catalog().service(split_key(key)[0]).category
    except KeyError:
        return None


def _is_network(key: str) -> bool:
    """``VPC에서 Lambda 실행`` runs Lambda inside the VPC; ``Step Functions에서`` calls it."""
    return _category(key) == "networking"


def runs_code(key: str) -> bool:
    """An event that reaches compute runs it (``S3 이벤트 → Lambda``); elsewhere it is delivered."""
    return _category(key) in ("compute", "containers")


def _is_security(key: str) -> bool:
    return _category(key) == "security"


def _is_proxy(key: str, sentence: Sentence) -> bool:
    """A proxy is what one connects *through* (RDS 프록시), whatever the particle says."""
    return any(_PROXY.search(surface) for surface in sentence.surfaces(key))


def _send(clause: Clause) -> Iterator[Found]:
    """``A에서 B로 전송``; an object is the sender only as its data (``CloudTrail 로그를``).

    ``CloudFormation 템플릿을 S3에 저장`` names what is stored, not who stores it.
    """
    targets = clause.get("goal") + clause.direct("to", "bare", data=True)
    sources = clause.get("label", "topic", "subject", "source", "bare", "to")
    data = [a for a in clause.args if a.role == "object" and _is_data(a, clause)]
    sources = _without(sources + keys_with_roles(data, "object"), targets)
    if not targets and clause.get("source"):  # "Redshift는 S3로부터 데이터를 적재"
        targets = _without(clause.get("topic", "subject"), clause.get("source"))
        sources = clause.get("source")
    if targets and not sources:
        sources = clause.actor(*targets)
    yield from _pairs(sources, targets, "sends_to")


def _is_data(arg: Arg, clause: Clause) -> bool:
    """``CloudTrail 로그``, ``S3 데이터``: the named service's own data."""
    return bool(_DATA_HEAD.search(clause.sentence.text, arg.start, arg.tail_end))


def _auth(clause: Clause) -> Iterator[Found]:
    """``Cognito로 인증``, ``IAM 인증``; a bare name authenticates only if it is a security service.

    ``API Gateway 인증`` is API Gateway's authentication, not API Gateway authenticating.
    """
    named = clause.direct("bare") + clause.get("label", "subject")
    authenticators = clause.get("to", "through") or tuple(k for k in named if _is_security(k))
    protected = _without(clause.get("topic", "poss", "goal"), authenticators)
    if authenticators and not protected:
        protected = clause.carried or clause.fallback(*authenticators)
    yield from _pairs(authenticators, protected, "authenticates")


def _use(clause: Clause) -> Iterator[Found]:
    """``A 대신 B를 사용``, ``A보다 B를 쓰는 이유``; else ``A에서 B를 사용`` (both named)."""
    replaced = clause.get("instead", "than")
    if replaced:
        used = _without(clause.get("object", "bare", "subject", "topic"), replaced)
        yield from _pairs(used, replaced, "alternative_to")
        return
    topics, sources, objects = (
        clause.get("label", "topic", "subject"),
        clause.get("source"),
        clause.get("object"),
    )
    if topics and sources and not objects:  # "Glue 데이터 카탈로그는 Athena에서 사용"
        yield from _pairs(sources, _without(topics, sources), "integrates_with")
        return
    agents = topics + sources
    yield from _pairs(agents, _without(objects, agents), "integrates_with")
    partners = _without(clause.get("with"), agents + objects)  # "QuickSight와 함께 사용"
    if partners:
        yield from _pairs(agents or clause.actor(*partners), partners, "integrates_with")


def _access(clause: Clause) -> Iterator[Found]:
    """``엔드포인트를 통해 접근`` connects through; ``A: B에 직접 접근`` (both named) integrates."""
    through = clause.get("through")
    agents = _without(clause.get("label", "topic", "subject", "source"), through)
    if through:
        yield from _pairs(agents or clause.actor(*through), through, "connects_through")
        return
    reached = _without(clause.get("goal") + clause.direct("bare"), agents)
    yield from _pairs(agents, reached, "integrates_with")


def _attach(clause: Clause) -> Iterator[Found]:
    """``WAF는 ALB, CloudFront에 배포``: what is deployed works with where (both named)."""
    attached = clause.get("label", "topic", "subject", "object")
    yield from _pairs(attached, _without(clause.get("goal"), attached), "integrates_with")


def _place(clause: Clause) -> Iterator[Found]:
    """``A 앞에 B 배치``: B fronts A; ``A 뒤에 B 등록``: A fronts B."""
    placed = clause.get("object", "bare", "subject", "topic")
    yield from _pairs(placed, clause.get("front"), "fronts")
    yield from _pairs(clause.get("behind"), placed, "fronts")


def _alternative(clause: Clause) -> Iterator[Found]:
    """``B는 A의 대안``, ``B가 A를 대체``."""
    replaced = clause.get("poss", "object", "instead")
    chosen = _without(clause.get("topic", "subject", "label"), replaced)
    yield from _pairs(chosen, replaced, "alternative_to")


def role_noun_relations(args: list[Arg]) -> Iterator[Found]:
    """``X를 Y의 이벤트 소스로``, ``Y의 소비자로``, ``Y 규칙의 대상으로 X`` (any verb, or none)."""
    role_nouns = [a for a in args if a.role in ("source_of", "consumer_of", "target_of")]
    roles = ("object", "bare", "topic", "subject")
    others = [a for a in args if a not in role_nouns and a.role in roles]
    for noun in role_nouns:
        for other in others:
            if noun.role == "source_of":
                yield from _pairs(other.keys, noun.keys, "triggers")
            else:
                yield from _pairs(noun.keys, other.keys, "sends_to")


_RULES: dict[str, Callable[[Clause], Iterator[Found]]] = {
    "invoke": _invoke,
    "trigger": _trigger,
    "run": _run,
    "integrate": _integrate,
    "send": _send,
    "auth": _auth,
    "use": _use,
    "place": _place,
    "access": _access,
    "attach": _attach,
    "alternative": _alternative,
}
