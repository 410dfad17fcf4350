"""Folders, note names, headings and sizes, planned up front so notes can link to any other."""

from __future__ import annotations

import datetime as dt
import math
import random
import re
import unicodedata
from dataclasses import dataclass

from benchmarks.vocab import (
    BY_CATEGORY,
    DUPLICATE_NAMES,
    GENERIC_TOPICS,
    NETWORK_SUBJECTS,
    RULES_BY_SERVICE,
    SERVICES,
    Service,
)

#: Share of notes per kind of folder: lectures dominate, as in a study vault.
_FOLDER_SHARES = {"course": 0.72, "daily": 0.09, "network": 0.09, "quiz": 0.10}
COURSES: tuple[tuple[str, float], ...] = (
    ("AWS SAA", 5.0),
    ("AWS DVA", 2.0),
    ("AWS SOA", 1.5),
    ("AWS SAP", 1.5),
)
SUBFOLDERS = ("심화", "실습", "한도 정리", "아키텍처 패턴", "시험 대비")
ATTACHMENTS = "첨부"
START_DATE = dt.date(2024, 9, 2)
_UNSAFE_NAME = re.compile(r"[/\\:|#^\[\]]")
_HANGUL = re.compile(r"[가-힣]")


@dataclass
class NotePlan:
    """Everything about a note that other notes may refer to, fixed before writing."""

    index: int
    folder: str
    name: str  # NFC, without ".md"; what links use
    kind: str  # lecture | bundle | summary | compare | network | daily | quiz
    services: tuple[Service, ...]  # per heading for bundles; else (primary, peers…)
    headings: tuple[str, ...]  # level-1 headings, linkable with [[name#heading]]
    target: int  # wanted size in bytes; <= 300 means a tiny stub
    date: dt.date
    front_matter: bool
    publish: bool
    nfd: bool = False

    @property
    def relpath(self) -> str:
        """Path inside the vault; NFD-normalised when a Mac would have written it so."""
        name = unicodedata.normalize("NFD", self.name) if self.nfd else self.name
        return f"{self.folder}/{name}.md"


@dataclass
class _Folder:
    """A folder to fill: where it is, what kind of notes it holds, how many."""

    path: str
    kind: str  # course | network | daily | quiz
    course: str
    services: tuple[Service, ...]
    mixed: bool  # notes spread over all services instead of favouring the first
    size: int
    month: dt.date | None = None
    exam: int = 0


def _lognormal_size(rng: random.Random, median: float, sigma: float, low: int, high: int) -> int:
    """A note size in bytes: most near ``median``, a long thin tail, clamped."""
    return int(min(high, max(low, rng.lognormvariate(math.log(median), sigma))))


def _target_size(rng: random.Random, kind: str) -> int:
    """Wanted byte size per kind of note; a few lectures are stubs like the seed's 222."""
    if kind == "lecture" and rng.random() < 0.04:
        return rng.randint(20, 300)
    if kind == "bundle":
        return rng.randint(9_000, 19_000)
    median, sigma = {
        "lecture": (4_000, 0.5),
        "summary": (4_600, 0.45),
        "compare": (3_600, 0.4),
        "network": (3_600, 0.5),
        "daily": (1_500, 0.5),
        "quiz": (2_300, 0.35),
    }[kind]
    return _lognormal_size(rng, median, sigma, 400, 19_000)


def _clean_name(name: str) -> str:
    """Drop characters Obsidian refuses in note names (they would break links)."""
    return re.sub(r"\s+", " ", _UNSAFE_NAME.sub("-", name)).strip()


def strip_number(name: str) -> str:
    """Drop a lecture number: ``312. SQS 메시지 보존`` → ``SQS 메시지 보존`` (for aliases)."""
    return re.sub(r"^\d+(-\d+)?\.?\s+", "", name)


class Planner:
    """Decides folders and note names for a vault of ``notes`` notes."""

    def __init__(self, rng: random.Random, notes: int) -> None:
        self.rng = rng
        self.total = notes
        self.plans: list[NotePlan] = []
        self.names: dict[str, int] = {}
        self.folder_names: dict[str, dict[str, None]] = {}
        self.used_folders: dict[str, None] = {}
        self.lecture_no = {course: rng.randint(1, 30) for course, _ in (*COURSES, ("", 0.0))}
        self.exam_no = {course: 0 for course, _ in COURSES}
        self.month = START_DATE.replace(day=1)
        self.daily_format = "%Y-%m-%d"

    def plan(self) -> list[NotePlan]:
        """Plan every folder and note, then add duplicate names and NFD file names."""
        for folder in self._folders():
            for _ in range(folder.size):
                self.plans.append(self._note(folder))
        self._add_duplicates()
        self._mark_nfd()
        return self.plans

    # -- folders ------------------------------------------------------------------

    def _size_range(self) -> tuple[int, int]:
        """10-60 notes per folder; smaller folders in tiny test vaults so they still nest."""
        high = min(60, max(6, self.total // 4))
        return min(10, max(3, high // 2)), high

    def _folders(self) -> list[_Folder]:
        """Folders in creation order, sized 10-60, until every note has a place."""
        low, high = self._size_range()
        folders: list[_Folder] = []
        remaining = self.total
        filled = dict.fromkeys(_FOLDER_SHARES, 0)
        while remaining > 0:
            kind = self._next_kind(filled)
            folder = getattr(self, f"_{kind}_folder")()
            size = min(remaining, self.rng.randint(low, high))
            if 0 < remaining - size < low and remaining <= high:
                size = remaining
            if folder.month is not None:
                size = min(size, _days_in_month(folder.month))
            folder.size = size
            folders.append(folder)
            filled[kind] += size
            remaining -= size
        return folders

    def _next_kind(self, filled: dict[str, int]) -> str:
        """The kind of folder furthest behind its share of notes (each kind once first)."""
        for kind, count in filled.items():
            if count == 0:
                return kind
        jitter = {kind: self.rng.random() * 0.03 for kind in filled}
        return min(filled, key=lambda k: filled[k] / self.total - _FOLDER_SHARES[k] - jitter[k])

    def _claim(self, path: str) -> str:
        """Reserve a folder path, numbering it when a student would have made a second one."""
        candidate, n = path, 2
        while candidate in self.used_folders:
            candidate, n = f"{path} {n}", n + 1
        self.used_folders[candidate] = None
        self.folder_names[candidate] = {}
        return candidate

    def _course(self) -> str:
        return self.rng.choices([c for c, _ in COURSES], [w for _, w in COURSES])[0]

    def _course_folder(self) -> _Folder:
        """A course folder such as ``AWS SAA/05 애플리케이션 통합/SQS/심화`` (2-4 deep)."""
        rng = self.rng
        for _ in range(30):
            course, svc = self._course(), rng.choice(SERVICES)
            depth = rng.choices((2, 3, 4), (2, 6, 2))[0]
            peers = tuple(p for p in BY_CATEGORY[svc.category] if p is not svc)
            path = f"{course}/{svc.category}"
            if depth >= 3:
                path += f"/{_clean_name(svc.en)}"
            if depth == 4:
                path += f"/{rng.choice(SUBFOLDERS)}"
            if path not in self.used_folders:
                break
        return _Folder(self._claim(path), "course", course, (svc, *peers), depth == 2, 0)

    def _network_folder(self) -> _Folder:
        """A folder of networking-course notes under 네트워크/."""
        subject = self.rng.choice(NETWORK_SUBJECTS)
        others = tuple(s for s in NETWORK_SUBJECTS if s is not subject)
        path = self.rng.choice(
            (
                f"네트워크/{subject.en}",
                f"네트워크/기초/{subject.en}",
                f"네트워크/{subject.en}/면접 대비",
            )
        )
        return _Folder(self._claim(path), "network", "", (subject, *others), False, 0)

    def _quiz_folder(self) -> _Folder:
        """An 오답노트 folder, one per mock exam after the first."""
        course = self._course()
        self.exam_no[course] += 1
        path = f"시험 오답노트/{course}"
        if path in self.used_folders:
            path += f"/모의고사 {self.exam_no[course]}회"
        return _Folder(
            self._claim(path), "quiz", course, SERVICES, True, 0, exam=self.exam_no[course]
        )

    def _daily_folder(self) -> _Folder:
        """The next month's 일일 노트 folder."""
        month = self.month
        self.month = (month + dt.timedelta(days=32)).replace(day=1)
        return _Folder(
            self._claim(f"일일 노트/{month:%Y-%m}"), "daily", "", SERVICES, True, 0, month
        )

    # -- notes --------------------------------------------------------------------

    def _note(self, folder: _Folder) -> NotePlan:
        """Plan the next note in ``folder``: kind, name, headings, size and dates."""
        index = len(self.plans)
        date = START_DATE + dt.timedelta(days=index * 420 // max(1, self.total))
        if folder.kind == "daily":
            kind, name, services, headings = self._daily(folder, index)
            date = dt.date.fromisoformat(name[:10])
        elif folder.kind == "quiz":
            kind, name, services, headings = self._quiz(folder)
        elif folder.kind == "network":
            kind, name, services, headings = self._network(folder)
        else:
            kind, name, services, headings = self._course_note(folder)
        self._register(folder.path, name)
        front = self.rng.random() < (0.3 if kind == "daily" else 0.5)
        return NotePlan(
            index,
            folder.path,
            name,
            kind,
            services,
            headings,
            _target_size(self.rng, kind),
            date,
            front,
            publish=not (front and self.rng.random() < 0.2),
        )

    def _register(self, folder: str, name: str) -> None:
        self.names[name] = self.names.get(name, 0) + 1
        self.folder_names[folder][name] = None

    def _free(self, folder: str, name: str) -> bool:
        return name not in self.names and name not in self.folder_names[folder]

    def _unique(self, folder: str, name: str) -> str:
        """Keep names unique vault-wide (duplicates are added on purpose later)."""
        name, base, n = _clean_name(name), _clean_name(name), 2
        while not self._free(folder, name):
            name, n = f"{base} {n}", n + 1
        return name

    def _primary(self, folder: _Folder) -> Service:
        """The service a note is about: usually the folder's, sometimes a category peer."""
        if folder.mixed or self.rng.random() < 0.2:
            return self.rng.choice(folder.services)
        return folder.services[0]

    def _topic(self, svc: Service) -> str:
        pool = svc.topics if self.rng.random() < 0.65 else GENERIC_TOPICS
        return self.rng.choice(pool)

    def _titled(self, svc: Service, topic: str) -> str:
        """The topic with the service name in front, unless it names it already (FSx for Lustre)."""
        return topic if svc.en in topic else f"{svc.label(self.rng)} {topic}"

    def _lecture_title(self, folder: _Folder, svc: Service) -> str:
        """A numbered lecture name like ``312. SQS 메시지 보존``, unique in the vault."""
        for _ in range(6):
            self.lecture_no[folder.course] += self.rng.choice((1, 1, 1, 2, 3))
            name = _clean_name(
                f"{self.lecture_no[folder.course]}. {self._titled(svc, self._topic(svc))}"
            )
            if self._free(folder.path, name):
                return name
        return self._unique(folder.path, name)

    def _course_note(
        self, folder: _Folder
    ) -> tuple[str, str, tuple[Service, ...], tuple[str, ...]]:
        """A lecture, a multi-lecture bundle (``215-229 서버리스``), a summary or a comparison."""
        rng, svc = self.rng, self._primary(folder)
        peers = tuple(s for s in folder.services if s is not svc)
        kind = rng.choices(("lecture", "bundle", "summary", "compare"), (72, 5, 14, 9))[0]
        if kind == "lecture":
            name = self._lecture_title(folder, svc)
            return kind, name, (svc, *peers), (name,)
        if kind == "bundle":
            services = tuple(rng.choice(folder.services) for _ in range(rng.randint(3, 7)))
            headings = tuple(self._lecture_title(folder, s) for s in services)
            first, last = headings[0].split(".")[0], headings[-1].split(".")[0]
            title = rng.choice((svc.category[3:], svc.label(rng), f"{svc.label(rng)} 심화"))
            return kind, self._unique(folder.path, f"{first}-{last} {title}"), services, headings
        for _ in range(6):
            if kind == "compare" and peers:
                other = rng.choice(peers)
                pattern = rng.choice(("{a} vs {b}", "{a} vs {b} 비교", "{a}, {b} 차이"))
                name = _clean_name(pattern.format(a=svc.en, b=other.en))
                if self._free(folder.path, name):
                    return kind, name, (svc, other), (name,)
            else:
                pattern = rng.choice(
                    ("{t} 정리", "{t} 정리", "{s} 정리", "{s} 시험 포인트", "{s} 한도 정리")
                )
                topic = self._titled(svc, self._topic(svc))
                name = _clean_name(pattern.format(s=svc.label(rng), t=topic))
                if self._free(folder.path, name):
                    return "summary", name, (svc, *peers), (name,)
        name = self._lecture_title(folder, svc)  # every short name taken: a numbered lecture
        return "lecture", name, (svc, *peers), (name,)

    def _network(self, folder: _Folder) -> tuple[str, str, tuple[Service, ...], tuple[str, ...]]:
        """Networking-course notes, numbered like lectures about half the time."""
        svc = self._primary(folder)
        topic = self.rng.choice(
            (*svc.topics, "정리", "면접 질문", "개념 정리", "예제", "헷갈리는 것")
        )
        name = _clean_name(self._titled(svc, topic))
        if self.rng.random() < 0.5 or not self._free(folder.path, name):
            name = self._lecture_title(folder, svc)
        return "network", name, (svc, *(s for s in folder.services if s is not svc)), (name,)

    def _quiz(self, folder: _Folder) -> tuple[str, str, tuple[Service, ...], tuple[str, ...]]:
        """A wrong-answer note named after the mock exam question."""
        svc = self.rng.choice([s for s in SERVICES if RULES_BY_SERVICE[s.en]])
        number = self.rng.randint(1, 65)
        heading = f"모의고사 {folder.exam}회 {number}번"
        name = self.rng.choice(
            (f"{heading} - {svc.en} {self._topic(svc)}", f"문제 {number:03d} {svc.label(self.rng)}")
        )
        return "quiz", self._unique(folder.path, name), (svc,), (heading,)

    def _daily(
        self, folder: _Folder, index: int
    ) -> tuple[str, str, tuple[Service, ...], tuple[str, ...]]:
        """A daily note named by an unused date of the folder's month."""
        assert folder.month is not None
        taken = self.folder_names[folder.path]
        days = [
            d
            for d in range(1, _days_in_month(folder.month) + 1)
            if folder.month.replace(day=d).strftime(self.daily_format) not in taken
        ]
        day = folder.month.replace(day=self.rng.choice(days))
        name = day.strftime(self.daily_format)
        return "daily", name, (self.rng.choice(SERVICES),), ()

    # -- vault-wide touches -------------------------------------------------------

    def _add_duplicates(self) -> None:
        """Give a handful of notes in different folders the same name ("개요", "정리")."""
        eligible = [p for p in self.plans if p.kind in ("lecture", "summary", "network")]
        count = min(len(DUPLICATE_NAMES), max(2, self.total // 150))
        for name in DUPLICATE_NAMES[:count]:
            chosen: dict[str, NotePlan] = {}
            for plan in self.rng.sample(eligible, min(len(eligible), 40)):
                if plan.folder not in chosen and name not in self.folder_names[plan.folder]:
                    chosen[plan.folder] = plan
                if len(chosen) == 3:
                    break
            if len(chosen) < 2:
                continue
            for plan in chosen.values():
                self.names[plan.name] -= 1
                del self.folder_names[plan.folder][plan.name]
                plan.name = name
                self._register(plan.folder, name)
                eligible.remove(plan)

    def _mark_nfd(self) -> None:
        """Write a few Hangul file names in NFD, as macOS does, to test normalisation."""
        hangul = [p for p in self.plans if _HANGUL.search(p.name)]
        for plan in self.rng.sample(hangul, min(len(hangul), max(3, self.total // 100))):
            plan.nfd = True


def _days_in_month(month: dt.date) -> int:
    return ((month + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)).day
