"""What the generated notes say: services, facts and phrases, kept as data apart from the code."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from benchmarks.particles import Mention, final_of

# --------------------------------------------------------------------------------------
# Services: names, roles, topics, limits and features (facts as a student writes them)
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Service:
    """One AWS service (or networking subject) and what notes say about it."""

    en: str
    ko: str
    final: str  # final-consonant class of ``en`` read in Korean
    category: str
    tag: str
    cli: str
    role: str
    topics: tuple[str, ...]
    limits: tuple[tuple[str, str], ...]
    features: tuple[tuple[str, str], ...]
    prefix: str  # "AWS", "Amazon" or ""

    def mention(self, rng: random.Random) -> Mention:
        """Name the service the way the seed note does: English, Korean, or prefixed."""
        roll = rng.random()
        if self.ko and roll < 0.35:
            return Mention(self.ko, final_of(self.ko, self.final))
        if self.prefix and roll > 0.9:
            return Mention(f"{self.prefix} {self.en}", self.final)
        return Mention(self.en, self.final)

    def label(self, rng: random.Random) -> str:
        """A name for file names and headings: English mostly, Korean sometimes."""
        return self.ko if self.ko and rng.random() < 0.3 else self.en


COMPUTE, STORAGE, DATABASE = "01 컴퓨팅", "02 스토리지", "03 데이터베이스"
NETWORKING, INTEGRATION, SECURITY = "04 네트워킹", "05 애플리케이션 통합", "06 보안 & 자격 증명"
MONITORING, ANALYTICS, MIGRATION = "07 모니터링 & 관리", "08 분석", "09 마이그레이션"
SERVERLESS, BASICS = "10 서버리스", "네트워크"

CATEGORY_CODES = {
    "01": COMPUTE,
    "02": STORAGE,
    "03": DATABASE,
    "04": NETWORKING,
    "05": INTEGRATION,
    "06": SECURITY,
    "07": MONITORING,
    "08": ANALYTICS,
    "09": MIGRATION,
    "10": SERVERLESS,
    "net": BASICS,
}


def parse_services(text: str) -> tuple[Service, ...]:
    """Read the vocabulary blocks below: one header line per service, one fact per line.

    Kept as text rather than Python literals so each limit and feature reads (and
    diffs) as the line a student would write.
    """
    entries: list[tuple[list[str], dict[str, list[str]]]] = []
    for raw in text.strip().splitlines():
        if not raw.startswith(" "):
            entries.append(([field.strip() for field in raw.split("|")], {}))
            continue
        key, _, value = raw.strip().partition(": ")
        items = [t.strip() for t in value.split(";")] if key == "topics" else [value]
        entries[-1][1].setdefault(key, []).extend(items)
    return tuple(_entry(head, facts) for head, facts in entries)


def _entry(head: list[str], facts: dict[str, list[str]]) -> Service:
    """One Service from its header fields and its fact lines."""
    en, ko, hint, category, cli, role, *prefix = head
    return Service(
        en=en,
        ko=ko,
        final=final_of(en, hint),
        category=CATEGORY_CODES[category],
        tag=re.sub(r"[^a-z0-9]+", "", en.lower()),
        cli=cli,
        role=role,
        topics=tuple(facts["topics"]),
        limits=tuple(_split(item, " = ") for item in facts["limit"]),
        features=tuple(_split(item, ": ") for item in facts["feature"]),
        prefix=prefix[0] if prefix else "",
    )


def _split(item: str, separator: str) -> tuple[str, str]:
    label, _, value = item.partition(separator)
    return label.strip(), value.strip()


#: AWS services: ``en | ko | final-consonant hint | category | cli | role | prefix``,
#: then topics, limits (``label = value``) and features (``label: description``).
_SERVICE_TEXT = """
Lambda | 람다 |  | 10 | lambda | 서버리스 함수 실행 | AWS
    topics: 개요; limit; 동시성; SnapStart; in VPC; 콜드 스타트; 이벤트 소스 매핑; 비동기 호출
    topics: 레이어; 요금
    limit: 메모리 = 128MB ~ 10GB
    limit: 최대 실행 시간 = 900초 (15분)
    limit: 환경변수 크기 = 최대 4KB
    limit: 임시 저장소 (/tmp) = 최대 10GB
    limit: 동시 실행 수 = 기본 1,000개 (요청 시 증가 가능)
    limit: 배포 패키지 (압축) = 최대 50MB
    limit: 배포 패키지 (비압축) = 최대 250MB
    limit: 요청 요금 = 100만 건당 $0.20
    feature: 서버리스: 서버 관리 불필요, 코드만 있으면 됨
    feature: 이벤트 기반 실행: 호출될 때만 실행되고 호출 수와 실행 시간으로 과금
    feature: 자동 확장: 요청량이 늘면 동시 실행 수가 자동으로 늘어남
    feature: 지원 언어: Node.js, Python, Java, Go, Ruby 등 (커스텀 런타임 API 가능)
    feature: 컨테이너 이미지: 최대 10GB 이미지를 Lambda 런타임 API로 실행
    feature: 실행 역할: 다른 서비스 호출 권한은 IAM 실행 역할로 부여
API Gateway | API 게이트웨이 |  | 10 | apigateway | API 관리 | Amazon
    topics: 개요; 엔드포인트 유형; 보안; 캐싱; 스로틀링; WebSocket API; 배포 스테이지
    limit: 통합 타임아웃 = 최대 29초
    limit: 페이로드 크기 = 최대 10MB
    limit: 기본 스로틀링 = 계정당 초당 10,000건
    limit: 캐시 TTL = 기본 300초 (최대 3,600초)
    feature: 완전 관리형: REST, HTTP, WebSocket API를 서버 없이 제공
    feature: Lambda 통합: Lambda와 연동해 완전한 서버리스 REST API 구축
    feature: 스테이지: dev/test/prod 환경별 배포와 버전 관리
    feature: 보안: IAM, Cognito, Lambda 권한 부여자로 인증
    feature: 요청 제한: 사용량 계획과 API 키로 스로틀링
    feature: 엔드포인트 유형: 엣지 최적화, 리전, 프라이빗
Cognito | 코그니토 |  | 10 | cognito-idp | 웹/모바일 사용자 인증 | Amazon
    topics: 사용자 풀; 자격 증명 풀; ALB 통합; 호스팅 UI; 페더레이션
    limit: ID 토큰 유효 기간 = 기본 1시간 (5분 ~ 1일)
    limit: 새로 고침 토큰 유효 기간 = 기본 30일 (최대 10년)
    limit: 액세스 토큰 유효 기간 = 기본 1시간
    feature: 사용자 풀: 가입과 로그인 기능을 제공하는 서버리스 사용자 디렉터리
    feature: 자격 증명 풀: 임시 AWS 자격 증명을 발급해 리소스에 직접 접근
    feature: 소셜 로그인: Facebook, Google, Apple 등 외부 IdP 연동
    feature: 통합: API Gateway, ALB와 바로 연동
    feature: IAM과 차이: IAM은 내부 사용자, Cognito는 AWS 밖의 앱 사용자 대상
Step Functions | 스텝 펑션 |  | 10 | stepfunctions | 워크플로 오케스트레이션 | AWS
    topics: 개요; Standard vs Express; 오류 처리; 병렬 상태; 콜백 패턴
    limit: Standard 최대 실행 시간 = 1년
    limit: Express 최대 실행 시간 = 5분
    limit: 실행 기록 보존 (Standard) = 90일
    limit: 상태 간 페이로드 = 최대 256KB
    feature: 상태 머신: JSON(ASL)으로 워크플로 정의
    feature: 오류 처리: 재시도와 Catch를 상태마다 선언
    feature: 사람 승인: 콜백 패턴으로 수동 승인 단계 추가
    feature: 통합: Lambda, ECS, DynamoDB, SQS 등 서비스를 직접 호출
EventBridge | 이벤트브리지 |  | 10 | events | 이벤트 버스 | Amazon
    topics: 개요; 이벤트 버스; 스케줄러; 스키마 레지스트리; 아카이브와 재생
    limit: 이벤트 크기 = 최대 256KB
    limit: 규칙당 대상 = 최대 5개
    limit: 재시도 = 최대 24시간, 185회
    feature: 이벤트 버스: 기본, 파트너, 사용자 지정 이벤트 버스
    feature: 스케줄: 크론 식으로 서버리스 예약 작업
    feature: 규칙: 이벤트 패턴으로 필터링 후 대상에 전달
    feature: 아카이브: 이벤트를 보관했다가 재생 가능
    feature: 교차 계정: 다른 계정의 이벤트 버스로 전달
EC2 |  |  | 01 | ec2 | 가상 서버 | Amazon
    topics: 인스턴스 유형; 구매 옵션; 스팟 인스턴스; 배치 그룹; 인스턴스 스토어; 최대 절전 모드
    topics: 메타데이터; 보안 그룹; ENI; AMI; 사용자 데이터
    limit: 스팟 인스턴스 할인 = 최대 90%
    limit: 예약 인스턴스 할인 = 최대 72%
    limit: 약정 기간 = 1년 또는 3년
    limit: 최대 절전 모드 RAM = 150GB 미만
    limit: 최대 절전 모드 유지 = 최대 60일
    limit: 온디맨드 과금 = 초 단위 (최소 60초)
    limit: 메타데이터 주소 = 169.254.169.254
    feature: IaaS: 원하는 사양의 가상 서버를 빌려 쓰는 방식
    feature: 인스턴스 유형: 범용(t, m), 컴퓨팅 최적화(c), 메모리 최적화(r, x), 스토리지 최적화(i, d)
    feature: 보안 그룹: 인스턴스 수준의 상태 저장 방화벽
    feature: 사용자 데이터: 첫 부팅 시 스크립트를 root 권한으로 실행
    feature: 구매 옵션: 온디맨드, 예약, Savings Plans, 스팟, 전용 호스트
Auto Scaling | 오토 스케일링 | x | 01 | autoscaling | 인스턴스 수 자동 조정 | AWS
    topics: 개요; 스케일링 정책; 수명 주기 후크; 시작 템플릿; 예측 스케일링
    limit: 기본 쿨다운 = 300초 (5분)
    limit: 상태 확인 유예 기간 = 기본 300초
    limit: 인스턴스 새로 고침 최소 정상 비율 = 기본 90%
    feature: 자동 조정: 부하에 따라 EC2 인스턴스 수를 늘리고 줄임
    feature: 상태 확인: 비정상 인스턴스를 종료하고 새로 교체
    feature: 스케일링 정책: 대상 추적, 단계, 단순, 예약, 예측 스케일링
    feature: 시작 템플릿: AMI, 인스턴스 유형, 보안 그룹 등 설정 묶음
ELB | 로드 밸런서 |  | 01 | elbv2 | 트래픽 분산 | AWS
    topics: 개요; ALB; NLB; GWLB; 고정 세션; 교차 영역 로드 밸런싱; 연결 드레이닝; SSL 인증서
    limit: 연결 드레이닝 = 1초 ~ 3,600초 (기본 300초)
    limit: ALB 교차 영역 로드 밸런싱 = 기본 활성화 (무료)
    limit: NLB 교차 영역 로드 밸런싱 = 기본 비활성화 (유료)
    limit: 상태 확인 간격 = 5초 ~ 300초 (기본 30초)
    feature: 트래픽 분산: 여러 대상에 요청을 나눠서 전달
    feature: ALB: 7계층 HTTP/HTTPS, 경로·호스트 기반 라우팅
    feature: NLB: 4계층 TCP/UDP, 초당 수백만 요청, AZ당 고정 IP
    feature: GWLB: 3계층, 방화벽 같은 가상 어플라이언스로 트래픽 전달
    feature: SNI: 하나의 리스너에서 여러 SSL 인증서 사용
ECS |  |  | 01 | ecs | 컨테이너 오케스트레이션 | Amazon
    topics: 개요; 시작 유형; 작업 정의; 서비스 오토 스케일링; IAM 역할
    limit: 작업 정의당 컨테이너 = 최대 10개
    limit: 서비스당 작업 = 최대 5,000개
    feature: 컨테이너 오케스트레이션: AWS 자체 컨테이너 관리 서비스
    feature: 시작 유형: EC2 시작 유형과 Fargate 시작 유형
    feature: 작업 역할: 작업(Task)마다 IAM 역할 분리
    feature: 로드 밸런싱: ALB와 동적 포트 매핑
Fargate | 파게이트 |  | 01 | ecs | 서버리스 컨테이너 | AWS
    topics: 개요; 요금; ECS와 EKS에서 사용
    limit: vCPU = 0.25 ~ 16 vCPU
    limit: 메모리 = 0.5GB ~ 120GB
    limit: 임시 스토리지 = 기본 20GB (최대 200GB)
    feature: 서버리스 컨테이너: 인프라 프로비저닝 없이 작업 단위로 실행
    feature: 과금: vCPU와 메모리 사용량만큼 과금
    feature: 호환: ECS와 EKS 모두에서 사용 가능
EKS |  |  | 01 | eks | 관리형 Kubernetes | Amazon
    topics: 개요; 노드 유형; 데이터 볼륨; 업그레이드
    limit: 클러스터 요금 = 시간당 $0.10
    limit: 클러스터당 관리형 노드 그룹 = 최대 30개
    feature: 관리형 쿠버네티스: 컨트롤 플레인을 AWS가 관리
    feature: 노드 유형: 관리형 노드 그룹, 자체 관리형 노드, Fargate
    feature: 이식성: 클라우드 간 마이그레이션이 필요할 때 선택
    feature: 스토리지: EBS, EFS를 CSI 드라이버로 연결
Elastic Beanstalk | 빈스토크 |  | 01 | elasticbeanstalk | PaaS 배포 | AWS
    topics: 개요; 배포 옵션; 환경 티어
    limit: 애플리케이션 버전 = 최대 1,000개
    limit: 배포 배치 크기 = 인스턴스 비율 또는 개수로 지정
    feature: 개발자 중심: 코드만 올리면 용량, 로드 밸런싱, 오토 스케일링 자동 구성
    feature: 환경 티어: 웹 서버 티어와 작업자 티어
    feature: 배포 정책: 한 번에 모두, 롤링, 추가 배치 롤링, 변경 불가, 블루/그린
    feature: 요금: Beanstalk 자체는 무료, 사용한 리소스만 과금
S3 |  |  | 02 | s3 | 객체 스토리지 | Amazon
    topics: 스토리지 클래스; 버전 관리; 복제; 수명 주기 규칙; 암호화; 이벤트 알림; 성능 최적화
    topics: 객체 잠금; 사전 서명된 URL; 정적 웹 사이트 호스팅; 버킷 정책
    limit: 객체 크기 = 최대 5TB
    limit: 단일 PUT 업로드 = 최대 5GB
    limit: 멀티파트 업로드 권장 = 100MB 이상
    limit: 접두사당 요청 성능 = 초당 3,500건 PUT / 5,500건 GET
    limit: 내구성 = 99.999999999% (11 9s)
    limit: Standard 가용성 = 99.99%
    limit: 버킷 수 = 계정당 기본 100개 (증가 요청 가능)
    feature: 객체 스토리지: 용량 제한 없이 파일(객체)을 저장
    feature: 버킷 이름: 전역적으로 고유해야 하고 리전 단위로 생성
    feature: 버전 관리: 덮어쓰기와 삭제로부터 보호, 복제의 전제 조건
    feature: 접근 제어: 버킷 정책, IAM 정책, 퍼블릭 액세스 차단
    feature: 이벤트 알림: 객체 생성/삭제 시 SQS, SNS, Lambda, EventBridge로 전달
    feature: 암호화: SSE-S3(기본), SSE-KMS, SSE-C, 클라이언트 측 암호화
S3 Glacier | 글래시어 |  | 02 | glacier | 아카이브 스토리지 | Amazon
    topics: 검색 옵션; 볼트 잠금; Deep Archive
    limit: Expedited 검색 = 1분 ~ 5분
    limit: Standard 검색 = 3시간 ~ 5시간
    limit: Bulk 검색 = 5시간 ~ 12시간
    limit: Deep Archive 검색 = 최대 48시간
    limit: 최소 보관 기간 (Flexible Retrieval) = 90일
    limit: 최소 보관 기간 (Deep Archive) = 180일
    feature: 아카이브: 백업과 장기 보관용 저비용 스토리지
    feature: 검색 옵션: 검색 속도와 비용을 선택
    feature: 볼트 잠금: WORM 정책으로 삭제 방지
    feature: 수명 주기: S3 수명 주기 규칙으로 자동 전환
EBS |  |  | 02 | ec2 | 블록 스토리지 | Amazon
    topics: 볼륨 유형; 스냅샷; 다중 연결; 암호화; 종료 시 삭제
    limit: gp3 기본 성능 = 3,000 IOPS, 125MB/s
    limit: gp3 최대 IOPS = 16,000 IOPS
    limit: io2 Block Express 최대 IOPS = 256,000 IOPS
    limit: 볼륨 크기 (gp2/gp3) = 1GB ~ 16TB
    limit: 다중 연결 = 최대 16개 인스턴스 (io1/io2)
    limit: 스냅샷 휴지통 보존 = 1일 ~ 1년
    feature: 네트워크 드라이브: 인스턴스에 연결하는 블록 스토리지
    feature: AZ 종속: 특정 가용 영역에 묶여 있음
    feature: 스냅샷: 다른 AZ나 리전으로 복사 가능
    feature: 종료 시 삭제: 루트 볼륨은 기본 활성화, 추가 볼륨은 비활성화
    feature: 볼륨 유형: gp2/gp3, io1/io2, st1, sc1
EFS |  |  | 02 | efs | 공유 파일 시스템 | Amazon
    topics: 성능 모드; 스토리지 클래스; 처리량 모드; EBS와 비교
    limit: 요금 = gp2 대비 약 3배
    limit: 동시 접속 = 수천 개의 NFS 클라이언트
    limit: 처리량 = 10GB/s 이상
    limit: 크기 = 페타바이트 규모 자동 확장
    feature: 관리형 NFS: 여러 AZ의 EC2가 동시에 마운트
    feature: 호환성: Linux 기반 AMI만 지원 (POSIX)
    feature: 과금: 사용한 만큼만 과금 (프로비저닝 불필요)
    feature: 스토리지 클래스: Standard, IA, Archive와 수명 주기 정책
    feature: 성능 모드: 범용, 최대 I/O
FSx |  |  | 02 | fsx | 관리형 서드파티 파일 시스템 | Amazon
    topics: FSx for Windows; FSx for Lustre; NetApp ONTAP; 배포 옵션
    limit: Lustre 처리량 = 최대 수백 GB/s
    limit: 지연 시간 = 밀리초 미만
    limit: 배포 옵션 = 단일 AZ 또는 다중 AZ
    feature: Windows File Server: SMB, NTFS, AD 통합 지원
    feature: Lustre: HPC와 머신러닝용 병렬 파일 시스템
    feature: NetApp ONTAP: NFS, SMB, iSCSI 동시 지원
    feature: S3 연동: Lustre에서 S3를 파일 시스템처럼 읽기/쓰기
Storage Gateway | 스토리지 게이트웨이 |  | 09 | storagegateway | 하이브리드 스토리지 | AWS
    topics: 개요; 파일 게이트웨이; 볼륨 게이트웨이; 테이프 게이트웨이
    limit: 로컬 캐시 = 최근 사용 데이터만 캐시
    limit: 하드웨어 어플라이언스 = 가상화 환경이 없을 때 구매
    feature: 하이브리드 클라우드: 온프레미스와 S3를 연결
    feature: S3 파일 게이트웨이: NFS/SMB로 S3 버킷 접근
    feature: 볼륨 게이트웨이: iSCSI 블록 스토리지를 S3에 백업
    feature: 테이프 게이트웨이: 가상 테이프 라이브러리를 Glacier에 보관
Snowball | 스노우볼 | ㄹ | 09 | snowball | 오프라인 데이터 전송 | AWS
    topics: Snow 패밀리; 엣지 컴퓨팅; 데이터 마이그레이션
    limit: Snowball Edge 스토리지 최적화 = 80TB
    limit: Snowcone = 8TB (HDD) / 14TB (SSD)
    limit: 고려 기준 = 네트워크 전송에 1주일 이상 걸릴 때
    feature: 오프라인 전송: 대용량 데이터를 장비에 담아 옮김
    feature: 엣지 컴퓨팅: 장비에서 EC2, Lambda 실행
    feature: Glacier 이동: 바로 넣을 수 없고 S3 수명 주기 정책 사용
DataSync | 데이터싱크 |  | 09 | datasync | 데이터 동기화 | AWS
    topics: 개요; 에이전트; 예약 작업
    limit: 에이전트당 처리량 = 최대 10Gbps
    limit: 예약 작업 = 시간/일/주 단위
    feature: 온프레미스 ↔ AWS: NFS, SMB, HDFS에서 S3, EFS, FSx로 복사
    feature: 예약 작업: 주기적으로 동기화
    feature: 메타데이터 보존: 권한과 메타데이터 유지
RDS |  |  | 03 | rds | 관리형 관계형 DB | Amazon
    topics: 읽기 전용 복제본; Multi-AZ; 백업; RDS Proxy; 암호화; 스토리지 자동 확장; IAM 인증
    topics: RDS Custom
    limit: 읽기 전용 복제본 = 최대 15개
    limit: 스토리지 자동 확장 = 최대 64TB
    limit: 자동 백업 보존 = 1일 ~ 35일
    limit: Proxy 장애 조치 시간 단축 = 최대 66%
    limit: Multi-AZ 장애 조치 = 보통 1~2분
    feature: 관리형 RDB: MySQL, PostgreSQL, MariaDB, Oracle, SQL Server 지원
    feature: 자동화: 프로비저닝, 패치, 백업, 모니터링 자동화
    feature: 읽기 전용 복제본: 비동기 복제로 읽기 확장
    feature: Multi-AZ: 동기 복제 대기 인스턴스로 장애 조치
    feature: 제약: SSH 접속 불가 (RDS Custom 제외)
Aurora | 오로라 |  | 03 | rds | 클라우드 네이티브 관계형 DB | Amazon
    topics: 클러스터 구조; Aurora Serverless; 글로벌 데이터베이스; 엔드포인트; 백트랙; 복제
    limit: 스토리지 = 10GB ~ 128TB 자동 확장
    limit: 데이터 복사본 = 3개 AZ에 6개
    limit: 쓰기 쿼럼 = 6개 중 4개
    limit: 읽기 쿼럼 = 6개 중 3개
    limit: 읽기 전용 복제본 = 최대 15개
    limit: 장애 조치 = 30초 미만
    limit: 글로벌 DB 복제 지연 = 1초 미만
    feature: AWS 자체 DB: MySQL, PostgreSQL 호환
    feature: 성능: MySQL 대비 최대 5배, PostgreSQL 대비 3배
    feature: 스토리지: 공유 볼륨이 자동 확장되고 자가 복구
    feature: 엔드포인트: 라이터 엔드포인트와 리더 엔드포인트 분리
    feature: Serverless: 사용량에 따라 용량 자동 조정
DynamoDB | 다이나모DB |  | 03 | dynamodb | NoSQL 키-값 DB | Amazon
    topics: 용량 모드; DAX; Streams; 글로벌 테이블; TTL; 백업 및 복구; 파티션 키 설계; 인덱스
    topics: S3 내보내기
    limit: 항목 크기 = 최대 400KB
    limit: RCU 1개 = 4KB 강력히 일관된 읽기 초당 1회
    limit: WCU 1개 = 1KB 쓰기 초당 1회
    limit: PITR = 최근 35일
    limit: Streams 보존 = 24시간
    limit: DAX 기본 TTL = 5분
    limit: LSI = 테이블당 최대 5개
    limit: GSI = 테이블당 최대 20개
    feature: 완전 관리형 NoSQL: 설치, 관리, 백업 없이 사용
    feature: 성능: 한 자릿수 밀리초 지연 시간
    feature: 기본 키: 파티션 키 + 선택적 정렬 키
    feature: 용량 모드: 프로비저닝 모드와 온디맨드 모드
    feature: 테이블 클래스: Standard와 Standard-IA
ElastiCache | 엘라스티캐시 |  | 03 | elasticache | 인메모리 캐시 | Amazon
    topics: Redis vs Memcached; 캐싱 전략; 보안; 세션 저장소
    limit: Redis 복제본 = 샤드당 최대 5개
    limit: 클러스터 모드 샤드 = 최대 500개
    limit: Memcached 노드 = 클러스터당 기본 40개
    feature: 관리형 캐시: Redis, Memcached 관리형 제공
    feature: 코드 수정: 애플리케이션에서 캐시 로직 구현 필요
    feature: 캐싱 전략: Lazy Loading, Write-Through, TTL
    feature: 세션 저장소: 상태 비저장 애플리케이션의 세션 보관
    feature: Redis 기능: Multi-AZ, 백업, 정렬된 집합(리더보드)
DocumentDB | 도큐먼트DB |  | 03 | docdb | MongoDB 호환 DB | Amazon
    topics: 개요; 클러스터 구조
    limit: 스토리지 = 최대 128TB 자동 확장
    limit: 읽기 복제본 = 최대 15개
    feature: MongoDB 호환: 관리형 문서 데이터베이스
    feature: 스토리지: Aurora와 같은 3개 AZ 복제 구조
Neptune | 넵튠 | x | 03 | neptune | 그래프 DB | Amazon
    topics: 개요; 사용 사례
    limit: 읽기 복제본 = 최대 15개
    limit: 쿼리 지연 시간 = 밀리초 단위
    feature: 그래프 DB: 소셜 네트워크, 추천 엔진, 사기 탐지
    feature: 고가용성: 3개 AZ 복제
DMS |  |  | 09 | dms | DB 마이그레이션 | AWS
    topics: 개요; CDC; SCT; 이기종 마이그레이션
    limit: LOB 열 최대 크기 = 기본 32KB (제한된 LOB 모드)
    limit: 복제 인스턴스 = Multi-AZ 구성 가능
    feature: 무중단 마이그레이션: 소스 DB를 계속 사용하면서 이전
    feature: CDC: 변경 데이터 캡처로 지속 복제
    feature: SCT: 이기종 엔진이면 스키마 변환 도구 사용
    feature: 실행 환경: EC2 기반 복제 인스턴스에서 동작
VPC |  |  | 04 | ec2 | 가상 네트워크 | Amazon
    topics: 서브넷; 인터넷 게이트웨이; NAT 게이트웨이; NACL vs 보안 그룹; VPC 피어링
    topics: VPC 엔드포인트; 흐름 로그; Bastion Host
    limit: CIDR 블록 크기 = /16 ~ /28
    limit: 리전당 VPC = 기본 5개
    limit: 서브넷 예약 IP = 서브넷당 5개
    limit: VPC당 CIDR 블록 = 최대 5개
    limit: NAT 게이트웨이 대역폭 = 5Gbps ~ 100Gbps 자동 확장
    limit: 보안 그룹 규칙 = 인바운드 60개 / 아웃바운드 60개
    feature: 논리적 네트워크: 리전 단위로 격리된 가상 네트워크
    feature: 서브넷: AZ 단위, 퍼블릭/프라이빗 구분
    feature: 보안 그룹 vs NACL: 보안 그룹은 상태 저장, NACL은 상태 비저장
    feature: VPC 피어링: 전이적이지 않아서 필요한 쌍마다 연결
    feature: VPC 엔드포인트: 인터넷 없이 AWS 서비스에 프라이빗 연결
Route 53 | 라우트 53 |  | 04 | route53 | 관리형 DNS | Amazon
    topics: 레코드 유형; 라우팅 정책; 상태 확인; Alias 레코드; 하이브리드 DNS; 도메인 등록
    limit: 호스팅 영역 요금 = 월 $0.50
    limit: 가중치 값 = 0 ~ 255
    limit: SLA 가용성 = 100%
    limit: 상태 확인 간격 = 30초 (빠른 확인 10초)
    limit: Alias 레코드 쿼리 = 무료
    feature: 관리형 DNS: 고가용성, 확장성, 권한 있는 DNS
    feature: Alias 레코드: 루트 도메인(zone apex)에도 AWS 리소스 연결 가능
    feature: 라우팅 정책: 단순, 가중치, 지연 시간, 장애 조치, 지리 위치, 다중 값
    feature: 상태 확인: 실패한 엔드포인트를 DNS 응답에서 제외
    feature: 도메인 등록: 도메인 등록 기관 역할도 가능
CloudFront | 클라우드프론트 |  | 04 | cloudfront | CDN | Amazon
    topics: 오리진; 캐시 정책; 지리적 제한; 가격 등급; 캐시 무효화; OAC; Lambda@Edge
    limit: 엣지 로케이션 = 전 세계 400개 이상
    limit: CloudFront Functions 실행 시간 = 1ms 미만
    limit: Lambda@Edge 실행 시간 = 최대 5초 (뷰어) / 30초 (오리진)
    limit: 무료 캐시 무효화 = 월 1,000개 경로
    feature: CDN: 엣지 로케이션에 콘텐츠를 캐시해 지연 시간 감소
    feature: 오리진: S3 버킷, ALB, EC2, 사용자 지정 HTTP 오리진
    feature: OAC: S3에 CloudFront로만 접근하도록 제한
    feature: 보안: Shield, WAF와 통합해 DDoS 방어
    feature: 지리적 제한: 국가별 허용/차단 목록
Global Accelerator | 글로벌 액셀러레이터 |  | 04 | globalaccelerator | 글로벌 네트워크 가속 | AWS
    topics: 개요; CloudFront와 비교
    limit: 고정 애니캐스트 IP = 2개
    limit: 장애 조치 = 1분 미만
    feature: 애니캐스트 IP: 고정 IP 2개로 가장 가까운 엣지에 연결
    feature: 캐싱 없음: CloudFront와 달리 TCP/UDP 성능 개선
    feature: 빠른 장애 조치: 상태 확인으로 리전 간 전환
    feature: 사용 사례: 게임, IoT, VoIP, 고정 IP가 필요한 경우
Direct Connect | 다이렉트 커넥트 |  | 04 | directconnect | 전용 네트워크 회선 | AWS
    topics: 개요; 전용 연결 vs 호스팅 연결; 복원력; DX 게이트웨이
    limit: 전용 연결 대역폭 = 1Gbps, 10Gbps, 100Gbps
    limit: 호스팅 연결 대역폭 = 50Mbps ~ 10Gbps
    limit: 구축 기간 = 보통 1개월 이상
    feature: 전용 회선: 온프레미스와 VPC를 사설 연결
    feature: 암호화 없음: 기본 암호화가 없어서 VPN과 함께 사용
    feature: DX 게이트웨이: 여러 리전의 VPC에 연결
    feature: 복원력: 중요 워크로드는 위치 2곳 × 연결 2개
Site-to-Site VPN | 사이트 간 VPN | x | 04 | ec2 | IPsec VPN 연결 | AWS
    topics: 개요; VPN CloudHub; 라우팅
    limit: 터널당 처리량 = 최대 1.25Gbps
    limit: 연결당 터널 = 2개
    feature: IPsec: 공용 인터넷으로 암호화 연결
    feature: 구성 요소: 가상 프라이빗 게이트웨이(VGW)와 고객 게이트웨이(CGW)
    feature: 백업 회선: Direct Connect 장애 대비
    feature: VPN CloudHub: 여러 지사 간 허브 앤 스포크 연결
Transit Gateway | 트랜짓 게이트웨이 |  | 04 | ec2 | 허브 앤 스포크 네트워크 | AWS
    topics: 개요; 라우팅 테이블; ECMP; 멀티캐스트
    limit: 연결(Attachment) = 게이트웨이당 최대 5,000개
    limit: VPN 연결당 대역폭 = 1.25Gbps (ECMP로 확장)
    feature: 허브 앤 스포크: 수천 개 VPC와 온프레미스를 한곳에서 연결
    feature: 전이적 라우팅: 피어링과 달리 전이적 연결 가능
    feature: 공유: RAM으로 다른 계정과 공유
    feature: 멀티캐스트: IP 멀티캐스트를 지원하는 유일한 서비스
SQS |  |  | 05 | sqs | 메시지 대기열 | Amazon
    topics: 개요; 메시지 보존; 가시성 타임아웃; 긴 폴링; FIFO 대기열; DLQ; 지연 대기열
    topics: ASG와 연동; 메시지 크기
    limit: 메시지 크기 = 최대 256KB
    limit: 보존 기간 = 4일 ~ 14일 (기본 4일)
    limit: 가시성 타임아웃 = 기본 30초 (최대 12시간)
    limit: 긴 폴링 대기 시간 = 1초 ~ 20초
    limit: FIFO 처리량 = 초당 300건 (배치 시 3,000건)
    limit: 지연 대기열 = 최대 15분
    limit: 배치 크기 = 한 번에 최대 10개
    feature: 완전 관리형 대기열: 생산자와 소비자를 분리(디커플링)
    feature: 표준 대기열: 최소 1회 전달, 순서 보장 안 됨, 처리량 무제한
    feature: FIFO 대기열: 순서 보장, 정확히 한 번 처리
    feature: DLQ: 여러 번 실패한 메시지를 별도 대기열로 이동
    feature: 긴 폴링: 빈 응답을 줄여 비용과 지연 감소
SNS |  |  | 05 | sns | 알림/팬아웃 | Amazon
    topics: 개요; 주제와 구독; 팬아웃 패턴; 메시지 필터링; FIFO 주제
    limit: 메시지 크기 = 최대 256KB
    limit: 주제당 구독 = 최대 12,500,000개
    limit: 계정당 주제 = 최대 100,000개
    feature: pub/sub: 하나의 메시지를 여러 구독자에게 전송
    feature: 구독 대상: SQS, Lambda, HTTP(S), 이메일, SMS, Firehose
    feature: 팬아웃: SNS + SQS 조합으로 안정적인 다중 처리
    feature: 메시지 필터링: 필터 정책으로 구독자별 메시지 선택
    feature: FIFO 주제: 순서 보장, SQS FIFO만 구독 가능
Kinesis Data Streams | 키네시스 |  | 05 | kinesis | 실시간 스트리밍 | Amazon
    topics: 개요; 샤드; 용량 모드; 생산자와 소비자; 향상된 팬아웃
    limit: 샤드당 쓰기 = 1MB/초 또는 초당 1,000건
    limit: 샤드당 읽기 = 2MB/초
    limit: 보존 기간 = 1일 ~ 365일 (기본 24시간)
    limit: 레코드 크기 = 최대 1MB
    feature: 실시간 스트리밍: 클릭스트림, 로그, IoT 데이터 수집
    feature: 리플레이: 보존 기간 동안 데이터 재처리 가능
    feature: 순서 보장: 같은 파티션 키는 같은 샤드로
    feature: 용량 모드: 프로비저닝 모드와 온디맨드 모드
    feature: 향상된 팬아웃: 소비자별 샤드당 2MB/초 전용 처리량
Kinesis Data Firehose | 파이어호스 |  | 05 | firehose | 준실시간 데이터 적재 | Amazon
    topics: 개요; 버퍼링; 데이터 변환
    limit: 버퍼 크기 = 1MB ~ 128MB
    limit: 버퍼 간격 = 60초 ~ 900초
    limit: 레코드 크기 = 최대 1,000KB
    feature: 준실시간 전송: 버퍼링 후 목적지에 적재
    feature: 대상: S3, Redshift, OpenSearch, Splunk, HTTP 엔드포인트
    feature: 변환: Lambda로 레코드 변환, Parquet/ORC 변환
    feature: 저장 없음: 데이터를 보관하지 않아 리플레이 불가
Amazon MQ |  |  | 05 | mq | 관리형 메시지 브로커 |
    topics: 개요; 고가용성
    limit: 배포 모드 = 단일 인스턴스 또는 활성/대기
    limit: 스토리지 (활성/대기) = EFS 공유
    feature: 오픈 프로토콜: MQTT, AMQP, STOMP, OpenWire 지원
    feature: 마이그레이션: 온프레미스 RabbitMQ, ActiveMQ를 그대로 이전
    feature: 확장성: SQS/SNS만큼 확장되지 않음
IAM |  | x | 06 | iam | 계정 권한 관리 | AWS
    topics: 사용자와 그룹; 정책 구조; 역할; 권한 경계; MFA; 액세스 키; 정책 평가 로직
    limit: 사용자당 그룹 = 최대 10개
    limit: 사용자당 관리형 정책 = 기본 10개 (최대 20개)
    limit: 역할 세션 시간 = 1시간 ~ 12시간
    limit: 사용자당 액세스 키 = 최대 2개
    limit: 계정당 사용자 = 최대 5,000명
    feature: 글로벌 서비스: 리전 선택 없이 계정 전체에 적용
    feature: 최소 권한 원칙: 필요한 권한만 부여
    feature: 루트 계정: 일상 작업에 쓰지 않고 MFA 설정
    feature: 정책 구조: Effect, Action, Resource, Condition으로 구성된 JSON
    feature: 역할: EC2, Lambda 같은 서비스에 임시 자격 증명 부여
KMS |  |  | 06 | kms | 암호화 키 관리 | AWS
    topics: 키 유형; 봉투 암호화; 키 정책; 다중 리전 키; 키 교체; S3 암호화
    limit: 직접 암호화 데이터 = 최대 4KB
    limit: 키 삭제 대기 기간 = 7일 ~ 30일
    limit: 자동 키 교체 = 1년마다 (기본)
    limit: API 요청 할당량 = 리전에 따라 초당 5,500 ~ 30,000건
    limit: 고객 관리형 키 요금 = 키당 월 $1
    feature: 키 관리: 암호화 키를 생성하고 관리하는 서비스
    feature: 감사: 모든 키 사용이 CloudTrail에 기록
    feature: 봉투 암호화: 4KB 넘는 데이터는 GenerateDataKey 사용
    feature: 키 유형: AWS 관리형 키, 고객 관리형 키, AWS 소유 키
    feature: 다중 리전 키: 리전 간 같은 키 ID로 복제
Secrets Manager | 시크릿 매니저 |  | 06 | secretsmanager | 보안 암호 관리 | AWS
    topics: 개요; 자동 교체; Parameter Store와 비교
    limit: 보안 암호 요금 = 월 $0.40
    limit: 보안 암호 크기 = 최대 64KB
    limit: API 요청 요금 = 10,000건당 $0.05
    feature: 자동 교체: Lambda로 N일마다 암호 교체
    feature: 통합: RDS, Aurora, Redshift 자격 증명 관리
    feature: 다중 리전: 보안 암호를 다른 리전에 복제
    feature: Parameter Store와 차이: 교체 기능 내장, 대신 유료
WAF |  |  | 06 | wafv2 | 웹 방화벽 | AWS
    topics: 개요; 웹 ACL; 속도 기반 규칙
    limit: 웹 ACL 용량 = 기본 1,500 WCU
    limit: 속도 기반 규칙 평가 기간 = 1분 ~ 10분 (기본 5분)
    feature: 7계층 방화벽: HTTP 요청을 규칙으로 필터링
    feature: 배포 대상: ALB, API Gateway, CloudFront, AppSync, Cognito
    feature: 보호: SQL 인젝션, XSS, 지역 차단, IP 세트
    feature: 속도 기반 규칙: 요청 폭주(DDoS) 완화
Shield | 실드 |  | 06 | shield | DDoS 방어 | AWS
    topics: Standard vs Advanced; DDoS 대응
    limit: Shield Advanced 요금 = 조직당 월 $3,000
    limit: Advanced 약정 = 1년
    feature: Standard: 모든 고객에게 무료로 3/4계층 공격 방어
    feature: Advanced: 정교한 DDoS 대응과 24시간 대응팀 지원
    feature: 비용 보호: 공격으로 늘어난 요금 보상
GuardDuty | 가드듀티 |  | 06 | guardduty | 위협 탐지 | Amazon
    topics: 개요; 데이터 소스; 자동 대응
    limit: 무료 평가판 = 30일
    limit: 탐지 결과 보존 = 90일
    feature: 지능형 위협 탐지: 머신러닝, 이상 탐지, 위협 인텔리전스
    feature: 데이터 소스: CloudTrail, VPC 흐름 로그, DNS 로그
    feature: 암호화폐 공격: 전용 탐지 항목 존재
    feature: 자동 대응: EventBridge 규칙으로 Lambda, SNS 연동
CloudWatch | 클라우드워치 |  | 07 | cloudwatch | 지표·로그 모니터링 | Amazon
    topics: 지표; 로그; 경보; Logs Insights; 통합 에이전트; 구독 필터; 대시보드
    limit: 지표 보존 = 최대 15개월
    limit: 기본 모니터링 = 5분 간격 (상세 모니터링 1분)
    limit: 고해상도 사용자 지정 지표 = 최소 1초
    limit: 로그 보존 기간 = 1일 ~ 10년 또는 무기한
    limit: S3 내보내기 = 최대 12시간 소요
    feature: 지표: AWS 서비스 지표 수집과 대시보드
    feature: 로그: 로그 그룹과 스트림, 지표 필터, Logs Insights
    feature: 경보: 지표 임계값으로 SNS, Auto Scaling, EC2 작업 실행
    feature: 통합 에이전트: EC2 메모리, 디스크 사용률 수집
    feature: 구독 필터: 로그를 Kinesis, Lambda로 실시간 전달
CloudTrail | 클라우드트레일 | ㄹ | 07 | cloudtrail | API 호출 감사 | AWS
    topics: 이벤트 유형; Insights; 로그 보존; 조직 추적
    limit: 이벤트 기록 보존 = 90일
    limit: 로그 전달 = 보통 5분 이내
    feature: 감사: 계정의 API 호출 이력 기록
    feature: 이벤트 유형: 관리 이벤트(기본), 데이터 이벤트, Insights 이벤트
    feature: 장기 보관: S3로 보내고 Athena로 분석
    feature: 조직 추적: Organizations의 모든 계정에 적용
Config | 컨피그 |  | 07 | configservice | 구성 변경 기록 | AWS
    topics: 개요; 관리형 규칙; 자동 수정
    limit: 규칙 평가 주기 = 구성 변경 시 또는 1/3/6/12/24시간
    limit: 구성 항목 요금 = 항목당 $0.003
    feature: 규정 준수: 리소스 구성이 규칙에 맞는지 평가
    feature: 구성 기록: 시간에 따른 구성 변경 이력
    feature: 자동 수정: SSM Automation 문서로 위반 리소스 수정
    feature: 리전 서비스: 리전별로 설정하고 애그리게이터로 집계
Systems Manager | 시스템 매니저 |  | 07 | ssm | 서버 운영 관리 | AWS
    topics: Session Manager; Parameter Store; Patch Manager; Run Command
    limit: Parameter Store 표준 파라미터 = 최대 10,000개, 4KB
    limit: 고급 파라미터 = 최대 8KB
    feature: 하이브리드 관리: EC2와 온프레미스 서버를 한 번에 관리
    feature: Session Manager: SSH 포트 없이 접속
    feature: 패치 자동화: Patch Manager로 OS 패치
    feature: Parameter Store: 설정값과 비밀 값을 계층 구조로 저장
CloudFormation | 클라우드포메이션 | x | 07 | cloudformation | 코드형 인프라 | AWS
    topics: 템플릿 구조; 스택 세트; 변경 세트; 드리프트 감지
    limit: 템플릿 크기 = 최대 1MB (S3 업로드 시)
    limit: 스택당 리소스 = 최대 500개
    feature: 코드형 인프라: 템플릿으로 리소스를 선언
    feature: 의존성: 생성 순서를 자동으로 계산
    feature: 스택 세트: 여러 계정·리전에 한 번에 배포
    feature: 스택 삭제: 만든 리소스도 함께 삭제
Organizations | 오거나이제이션 |  | 07 | organizations | 다중 계정 관리 | AWS
    topics: SCP; OU; 통합 결제
    limit: SCP 크기 = 최대 5,120자
    limit: OU 중첩 = 최대 5단계
    feature: 다중 계정: 여러 AWS 계정을 중앙에서 관리
    feature: SCP: 계정 권한의 상한 설정
    feature: 통합 결제: 사용량 합산으로 볼륨 할인
    feature: 관리 계정: SCP가 적용되지 않음
Athena | 아테나 |  | 08 | athena | 서버리스 SQL 쿼리 | Amazon
    topics: 개요; 성능 최적화; 페더레이티드 쿼리
    limit: 요금 = 스캔한 데이터 TB당 $5
    limit: 쿼리 타임아웃 = 기본 30분
    feature: 서버리스 쿼리: S3 데이터를 SQL로 바로 분석
    feature: 비용 절감: Parquet/ORC 같은 열 기반 형식과 압축
    feature: 파티셔닝: 스캔량을 줄여 비용과 시간 절약
    feature: 페더레이티드 쿼리: 다른 데이터 소스도 조회
Glue | 글루 |  | 08 | glue | 서버리스 ETL | AWS
    topics: 개요; 데이터 카탈로그; 크롤러; 작업 북마크
    limit: 작업당 DPU = 최소 2개
    limit: DPU 1개 = vCPU 4개, 메모리 16GB
    feature: 서버리스 ETL: 데이터 추출, 변환, 적재
    feature: 데이터 카탈로그: Athena, Redshift Spectrum, EMR이 공유하는 메타데이터
    feature: 크롤러: 스키마 자동 탐지
    feature: 형식 변환: CSV를 Parquet로 변환할 때 자주 등장
Redshift | 레드시프트 |  | 08 | redshift | 데이터 웨어하우스 | Amazon
    topics: 클러스터; Spectrum; 스냅샷과 DR
    limit: 노드 수 = 클러스터당 최대 128개
    limit: 자동 스냅샷 보존 = 1일 ~ 35일 (기본 1일)
    feature: OLAP: PostgreSQL 기반 데이터 웨어하우스
    feature: 열 기반 저장: 병렬 쿼리 엔진으로 분석 성능 향상
    feature: Spectrum: S3 데이터를 적재 없이 쿼리
    feature: 스냅샷: 다른 리전으로 자동 복사해 DR
EMR |  | ㄹ | 08 | emr | 관리형 Hadoop/Spark | Amazon
    topics: 개요; 노드 유형; 구매 옵션
    limit: 클러스터 노드 = 마스터, 코어, 작업 노드
    limit: 작업 노드 구매 옵션 = 스팟 인스턴스 권장
    feature: 관리형 빅데이터: Hadoop, Spark, HBase, Presto 클러스터
    feature: 노드 구성: 마스터, 코어, 작업 노드
    feature: 비용 최적화: 작업 노드는 스팟 인스턴스 사용
OpenSearch | 오픈서치 |  | 08 | opensearch | 검색/분석 엔진 | Amazon
    topics: 개요; DynamoDB와 함께 쓰기
    limit: 도메인 노드 = 데이터 노드 최대 80개 (기본)
    limit: 스토리지 = 노드 유형별 EBS 한도
    feature: 검색 엔진: 부분 일치, 전문 검색에 강함
    feature: 패턴: DynamoDB나 CloudWatch Logs와 함께 검색 기능 추가
    feature: 대시보드: OpenSearch Dashboards로 시각화
AWS Backup |  | x | 09 | backup | 중앙 백업 관리 |
    topics: 개요; 백업 계획; Vault Lock
    limit: 백업 보존 = 일 단위로 지정 (무기한 가능)
    limit: 교차 리전 복사 = 백업 계획에서 설정
    feature: 중앙 관리: 여러 서비스 백업을 한곳에서 관리
    feature: 교차 리전/계정: 다른 리전·계정으로 백업 복사
    feature: Vault Lock: WORM으로 백업 삭제 방지
"""
#: Networking subjects for the 네트워크/ folders, in the same layout.
_NETWORK_TEXT = """
TCP |  |  | net |  | 연결 지향 전송 프로토콜 |
    topics: 3-way handshake; 흐름 제어; 혼잡 제어; TCP vs UDP; 4-way handshake
    limit: 포트 범위 = 0 ~ 65535
    limit: 헤더 크기 = 20바이트 ~ 60바이트
    limit: MSS (이더넷) = 1,460바이트
    feature: 연결 지향: 3-way handshake로 연결 수립
    feature: 신뢰성: 재전송과 순서 보장
    feature: 흐름 제어: 슬라이딩 윈도우
    feature: 혼잡 제어: Slow Start, 혼잡 회피
UDP |  |  | net |  | 비연결형 전송 프로토콜 |
    topics: 개요; TCP와 비교; 사용 사례
    limit: 헤더 크기 = 8바이트
    limit: 최대 데이터그램 = 65,507바이트
    feature: 비연결형: 연결 수립 없이 바로 전송
    feature: 빠름: 재전송이 없어 지연이 적음
    feature: 사용 사례: DNS, 스트리밍, 게임
DNS |  |  | net |  | 이름 해석 시스템 |
    topics: 동작 방식; 레코드 유형; 재귀 질의; 캐시와 TTL
    limit: 포트 = 53번 (UDP/TCP)
    limit: UDP 응답 크기 = 512바이트 (EDNS0 사용 시 4,096바이트)
    limit: TTL = 초 단위 (예: 300초)
    feature: 이름 해석: 도메인 이름을 IP 주소로 변환
    feature: 계층 구조: 루트 → TLD → 권한 있는 네임서버
    feature: 레코드 유형: A, AAAA, CNAME, MX, TXT, NS
    feature: 캐시: TTL 동안 리졸버가 응답을 보관
HTTP |  |  | net |  | 웹 애플리케이션 프로토콜 |
    topics: 메서드; 상태 코드; HTTP/2; 쿠키와 세션; 캐시 헤더
    limit: 기본 포트 = 80번
    limit: HTTPS 기본 포트 = 443번
    limit: 상태 코드 범위 = 100 ~ 599
    feature: 무상태: 요청마다 독립적으로 처리
    feature: 메서드: GET, POST, PUT, DELETE, PATCH
    feature: HTTP/2: 멀티플렉싱과 헤더 압축
    feature: 캐시: Cache-Control, ETag로 재검증
TLS |  |  | net |  | 전송 계층 암호화 |
    topics: 핸드셰이크; 인증서; mTLS
    limit: TLS 1.3 핸드셰이크 = 1-RTT
    limit: 인증서 유효 기간 = 최대 398일
    feature: 암호화: 대칭 키로 데이터 암호화
    feature: 인증서: CA가 서명한 공개 키로 서버 신원 확인
    feature: 핸드셰이크: 키 교환 후 세션 키 생성
CIDR |  |  | net |  | IP 주소 범위 표기 |
    topics: 표기법; 서브넷 계산; 사설 IP 대역
    limit: IPv4 주소 = 32비트
    limit: /24 주소 수 = 256개
    limit: /16 주소 수 = 65,536개
    limit: /32 = 단일 IP
    feature: 표기법: 네트워크 주소/프리픽스 길이
    feature: 서브넷 마스크: /24 = 255.255.255.0
    feature: 사설 대역: 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16
OSI 7계층 |  |  | net |  | 네트워크 계층 모델 |
    topics: 계층별 정리; TCP/IP 4계층과 비교; 장비별 계층
    limit: 계층 수 = 7개
    limit: L4 장비 예 = NLB
    limit: L7 장비 예 = ALB
    feature: 물리·데이터 링크: 비트와 프레임 전송
    feature: 네트워크 계층: IP 주소와 라우팅
    feature: 전송 계층: TCP/UDP 포트
    feature: 응용 계층: HTTP, DNS
NAT |  |  | net |  | 주소 변환 |
    topics: 개요; SNAT와 DNAT; 포트 포워딩
    limit: 포트 범위 = 1,024 ~ 65,535 (동적 포트)
    limit: 사설 IP 대역 = 10.0.0.0/8 등 3개
    feature: 주소 변환: 사설 IP를 공인 IP로 바꿔서 통신
    feature: PAT: 포트 번호로 여러 호스트를 하나의 IP로 공유
    feature: 단방향: 외부에서 먼저 연결을 시작할 수 없음
BGP |  |  | net |  | 경로 교환 프로토콜 |
    topics: 개요; AS 경로; Direct Connect와 BGP
    limit: 포트 = 179번 (TCP)
    limit: 2바이트 ASN 범위 = 1 ~ 65535
    limit: 사설 ASN = 64512 ~ 65534
    feature: 경로 벡터: AS 경로로 최적 경로 선택
    feature: eBGP와 iBGP: AS 간 / AS 내부
    feature: AWS 연동: Direct Connect와 VPN 동적 라우팅
IPv6 |  |  | net |  | 차세대 IP 주소 |
    topics: 주소 체계; VPC에서 IPv6; 듀얼 스택
    limit: 주소 길이 = 128비트
    limit: VPC IPv6 CIDR = /56 (서브넷 /64)
    feature: 주소 고갈 해결: 128비트 주소 공간
    feature: 듀얼 스택: IPv4와 IPv6 동시 사용
    feature: 송신 전용 인터넷 게이트웨이: IPv6 아웃바운드 전용
"""

SERVICES = parse_services(_SERVICE_TEXT)
NETWORK_SUBJECTS = parse_services(_NETWORK_TEXT)

BY_EN: dict[str, Service] = {s.en: s for s in SERVICES + NETWORK_SUBJECTS}
BY_CATEGORY: dict[str, tuple[Service, ...]] = {}
for _s in SERVICES:
    BY_CATEGORY[_s.category] = (*BY_CATEGORY.get(_s.category, ()), _s)
AWS_NETWORKING = tuple(BY_EN[n] for n in ("VPC", "Route 53", "CloudFront", "ELB", "Direct Connect"))

# --------------------------------------------------------------------------------------
# Phrases: sentence templates and the vocabulary that fills them
# --------------------------------------------------------------------------------------

#: Sentences that read naturally for any subject (AWS service or networking topic).
SENTENCES_ANY = (
    "{A:은} 한마디로 {role_a:이다}.",
    "{A:의} 숫자(한도)는 시험에 자주 나오니까 외워두자.",
    "처음에는 {A:이} 왜 필요한지 잘 몰랐는데, 실습해 보니까 이해가 됐다.",
    "강의에서는 {A:을} '{keyword}' 키워드와 연결해서 외우라고 했다.",
    "문제에 '{keyword}' 같은 표현이 보이면 {A:을} 먼저 떠올리기.",
    "정리하면 {A:의} 핵심은 {keyword:이다}.",
    "시험에서는 {A:과} {B:의} 차이를 묻는 문제가 자주 나온다.",
    "헷갈리면 {A:은} {role_a}, {B:은} {role_b:이라고} 생각하면 된다.",
    "{A:은} {B:과} 달리 {contrast}.",
    "{workload:에서} {A:을} 쓰는 사례가 강의에 나왔다.",
    "예를 들어 {workload:이라면} {A:이} 잘 맞는다.",
    "{A} 관련 문제는 지문이 길어서 키워드만 빠르게 찾는 연습이 필요하다.",
    "솔직히 {A} 부분은 아직 완벽하게 이해하지 못했다. 복습 필요.",
    "{A:은} 생각보다 단순하다. 결국 {keyword} 문제.",
    "{n}번 정도 다시 봐야 외워질 듯.",
    "{A:과} {B:을} 표로 정리해 두니까 훨씬 덜 헷갈린다.",
)
#: Sentences that only make sense for AWS services.
SENTENCES_AWS = (
    "{A:을} 쓰면 운영 부담이 꽤 줄어든다.",
    "{A:에} 대한 문제는 보통 비용 최적화나 고가용성과 엮여서 나온다.",
    "{A:을} 설정할 때는 IAM 권한부터 확인하는 게 좋다.",
    "콘솔에서 {A:을} 직접 만들어 보면 생각보다 옵션이 많다.",
    "{A:은} CloudWatch 지표로 상태를 모니터링할 수 있다.",
    "실무에서는 {A:을} CloudFormation이나 Terraform으로 관리하는 경우가 많다고 한다.",
    "{B} 대신 {A:을} 고르는 이유: {reason}.",
    "{A:에서} {B:을} 호출할 때는 권한(실행 역할)을 꼭 확인해야 함.",
    "{A:의} 이벤트를 {B:으로} 보내서 후속 처리를 할 수 있다.",
    "{A} + {B} 조합은 아키텍처 문제에서 거의 공식처럼 나온다.",
    "{A:과} {B:의} 비용 차이도 체크 포인트.",
    "여기서 중요한 건 {A:이} 어느 범위(글로벌/리전/AZ)에서 동작하는지다.",
    "{A:은} 예전 시험 버전에서도 자주 나왔던 주제입니다.",
    "{A:은} 다른 AWS 서비스와 쉽게 통합되며 높은 유연성을 제공합니다.",
)
KEYWORDS = (
    "관리 오버헤드 최소화",
    "비용 효율성",
    "고가용성",
    "실시간 처리",
    "디커플링",
    "서버리스",
    "내구성",
    "확장성",
    "최소 권한",
    "재해 복구",
    "지연 시간 최소화",
    "읽기 성능",
    "보안 강화",
    "자동화",
)
REASONS = (
    "관리 오버헤드를 최소화해야 하기 때문",
    "트래픽을 예측하기 어렵기 때문",
    "비용을 가장 적게 들여야 하기 때문",
    "가용성 요구 사항이 높기 때문",
    "기존 애플리케이션 코드를 바꾸지 않아야 하기 때문",
    "지연 시간을 밀리초 단위로 줄여야 하기 때문",
    "데이터를 여러 리전에 복제해야 하기 때문",
    "운영 팀이 작아서 직접 관리할 여력이 없기 때문",
)
CONTRASTS = (
    "관리할 게 훨씬 적다",
    "세밀한 제어가 가능하지만 설정할 게 많다",
    "사용한 만큼만 과금된다",
    "확장이 자동으로 된다",
    "리전 단위가 아니라 글로벌하게 동작한다",
    "데이터를 더 오래 보관할 수 있다",
    "지연 시간이 더 짧다",
)
WORKLOADS = (
    "전자상거래 웹사이트",
    "모바일 게임 백엔드",
    "IoT 센서 데이터 수집",
    "사내 문서 관리 시스템",
    "동영상 트랜스코딩 파이프라인",
    "로그 분석 플랫폼",
    "결제 처리 시스템",
    "뉴스 사이트",
    "사진 공유 앱",
    "실시간 채팅 서비스",
)
USECASES = (
    "썸네일 자동 생성",
    "서버리스 크론 작업",
    "로그 수집 파이프라인",
    "주문 처리 비동기화",
    "정적 웹사이트 배포",
    "실시간 대시보드",
    "백업 자동화",
    "멀티 리전 DR 구성",
    "이미지 업로드 처리",
    "사용자 인증 흐름",
    "배치 작업 스케줄링",
    "데이터 레이크 구축",
    "알림 발송 시스템",
    "세션 저장소 분리",
)
GENERIC_TOPICS = (
    "개요",
    "요금",
    "보안",
    "모니터링",
    "실습",
    "시험 포인트",
    "아키텍처",
    "고가용성",
    "백업 및 복구",
    "성능 최적화",
    "암호화",
    "IAM 권한",
    "트러블슈팅",
    "Multi-AZ",
    "한도",
)
DUPLICATE_NAMES = (
    "개요",
    "정리",
    "시험 포인트",
    "요약",
    "참고 자료",
    "한도 정리",
    "README",
    "Untitled",
)
FOOTNOTES = (
    "AWS 공식 문서 기준 (2025년 5월).",
    "리전마다 다를 수 있음.",
    "강의 자료 기준, 최신 값은 콘솔에서 확인.",
    "Service Quotas에서 증가 요청 가능.",
    "덤프 해설에서 본 내용이라 확인 필요.",
)
WRONG_REASONS = (
    "'비용 효율적'이라는 말에 낚임",
    "키워드를 잘못 봄",
    "두 서비스 차이를 헷갈림",
    "지문을 끝까지 안 읽음",
    "관리 오버헤드 조건을 놓침",
    "한도 숫자를 잘못 기억함",
)
COMMENTS = (
    "%%이 부분 다시 정리하기%%",
    "%%강의 12:30 부근%%",
    "%%나중에 그림 다시 그리기%%",
    "%%덤프에서 틀린 부분%%",
    "%%TODO: 공식 문서 링크 추가%%",
)

#: Integrations as the seed writes them: "**S3** → 파일 업로드 등 이벤트 발생 시 Lambda 실행".
RELATIONS: tuple[tuple[str, str, str], ...] = (
    ("S3", "Lambda", "파일 업로드 등 이벤트 발생 시 {B} 실행"),
    ("API Gateway", "Lambda", "REST API 요청 시 {B} 호출"),
    ("DynamoDB", "Lambda", "데이터 변경 시 Streams로 {B} 트리거"),
    ("Kinesis Data Streams", "Lambda", "실시간 레코드를 배치로 {B:에} 전달"),
    ("CloudFront", "Lambda", "Lambda@Edge로 요청/응답 가공"),
    ("EventBridge", "Lambda", "크론 스케줄로 {B} 실행"),
    ("SNS", "SQS", "팬아웃 패턴으로 여러 {B} 대기열에 복제"),
    ("SQS", "Lambda", "이벤트 소스 매핑으로 메시지를 배치 처리"),
    ("S3", "SQS", "이벤트 알림을 {B:으로} 전송"),
    ("CloudWatch", "SNS", "경보 발생 시 {B:으로} 알림"),
    ("CloudTrail", "S3", "API 호출 로그를 {B:에} 장기 보관"),
    ("Kinesis Data Firehose", "S3", "버퍼링 후 {B:에} 적재"),
    ("Route 53", "ELB", "Alias 레코드로 {B} 연결"),
    ("CloudFront", "S3", "OAC로 {B} 버킷을 오리진으로 사용"),
    ("Auto Scaling", "ELB", "새 인스턴스를 {B} 대상 그룹에 자동 등록"),
    ("Cognito", "API Gateway", "사용자 풀 토큰으로 {B} 요청 인증"),
    ("Step Functions", "Lambda", "여러 {B} 함수를 순서대로 오케스트레이션"),
    ("Athena", "S3", "{B:에} 저장된 데이터를 SQL로 조회"),
    ("Glue", "Athena", "데이터 카탈로그를 {B} 테이블로 사용"),
    ("DMS", "Aurora", "온프레미스 DB를 {B:으로} 마이그레이션"),
    ("Direct Connect", "VPC", "온프레미스에서 {B:으로} 전용 회선 연결"),
    ("KMS", "S3", "SSE-KMS로 {B} 객체 암호화"),
    ("Secrets Manager", "RDS", "{B} 암호를 자동 교체"),
    ("WAF", "CloudFront", "{B} 앞단에서 SQL 인젝션, XSS 차단"),
    ("EC2", "EBS", "루트 볼륨으로 {B} 연결"),
    ("ECS", "Fargate", "{B} 시작 유형으로 서버 없이 컨테이너 실행"),
    ("Config", "Systems Manager", "규정 위반 시 {B} 자동화로 수정"),
    ("GuardDuty", "EventBridge", "발견 사항을 {B:으로} 보내 자동 대응"),
    ("Lambda", "DynamoDB", "함수에서 {B:을} 데이터 저장소로 사용"),
    ("Lambda", "RDS", "RDS Proxy를 거쳐 {B:에} 연결"),
    ("ElastiCache", "RDS", "자주 읽는 쿼리 결과를 캐시해 {B} 부하 감소"),
    ("DynamoDB", "S3", "테이블을 {B:으로} 내보내 Athena로 분석"),
    ("EFS", "EC2", "여러 AZ의 {B} 인스턴스가 동시에 마운트"),
    ("S3", "S3 Glacier", "수명 주기 규칙으로 {B:으로} 이동"),
    ("Snowball", "S3", "오프라인으로 옮긴 데이터를 {B:에} 가져오기"),
    ("Transit Gateway", "VPC", "여러 {B:을} 허브 앤 스포크로 연결"),
    ("Global Accelerator", "ELB", "애니캐스트 IP로 {B:에} 트래픽 전달"),
    ("CloudFormation", "EC2", "템플릿으로 {B} 인스턴스와 보안 그룹 생성"),
    ("Organizations", "IAM", "SCP로 멤버 계정의 {B} 권한 상한 설정"),
    ("CloudWatch", "Auto Scaling", "CPU 경보로 {B} 정책 실행"),
    ("Cognito", "DynamoDB", "자격 증명 풀의 임시 자격 증명으로 {B:에} 직접 접근"),
    ("Aurora", "Lambda", "저장 프로시저에서 {B} 호출"),
    ("RDS", "SNS", "DB 이벤트(장애 조치, 백업)를 {B:으로} 알림"),
    ("EventBridge", "Step Functions", "이벤트 패턴이 맞으면 {B} 워크플로 시작"),
    ("Kinesis Data Streams", "Kinesis Data Firehose", "스트림을 {B:으로} 넘겨 S3에 적재"),
)

#: Exam decision rules ("상황 → 답"), used for 판단 기준 lists, callouts and quiz notes.
RULES: tuple[tuple[str, str], ...] = (
    ("RAM 30GB, 실행 시간 30분, 3GB 파일", "Lambda **부적합** → EC2나 Fargate"),
    ("트래픽 예측 불가 + 서버 관리 최소화", "Lambda + DynamoDB 온디맨드"),
    ("메시지 순서 보장 + 정확히 한 번 처리", "SQS FIFO 대기열"),
    ("하나의 이벤트를 여러 시스템에 동시에 전달", "SNS + SQS 팬아웃"),
    ("7년 보관, 조회는 거의 없음", "S3 Glacier Deep Archive"),
    ("DynamoDB 읽기를 마이크로초 단위로", "DAX"),
    ("전 세계 사용자에게 정적 콘텐츠 제공", "CloudFront + S3"),
    ("고정 IP가 필요한 글로벌 TCP/UDP 서비스", "Global Accelerator"),
    ("온프레미스와 일관된 네트워크 성능 필요", "Direct Connect (+ VPN 백업)"),
    ("여러 AZ의 EC2가 같은 파일 공유 (Linux)", "EFS"),
    ("Windows 파일 공유 (SMB)", "FSx for Windows File Server"),
    ("HPC, 머신러닝 고성능 파일 시스템", "FSx for Lustre"),
    ("DB 자격 증명 자동 교체", "Secrets Manager"),
    ("S3 데이터를 SQL로 가끔 분석", "Athena"),
    ("Lambda에서 RDS 연결 수 폭증", "RDS Proxy"),
    ("실시간 스트림 데이터 리플레이 필요", "Kinesis Data Streams"),
    ("스트림을 S3에 거의 실시간으로 적재만", "Kinesis Data Firehose"),
    ("누가 EC2를 종료했는지 확인", "CloudTrail"),
    ("리소스 구성이 규정을 준수하는지 감사", "AWS Config"),
    ("SQL 인젝션, XSS 차단", "WAF"),
    ("여러 계정의 권한 상한 설정", "Organizations SCP"),
    ("수십 TB 데이터, 네트워크가 느림", "Snowball Edge"),
    ("MySQL 호환 + 장애 조치 30초 미만", "Aurora"),
    ("상태 비저장 앱의 세션 데이터 공유", "ElastiCache 또는 DynamoDB"),
    ("서버 없이 컨테이너 실행", "ECS/EKS on Fargate"),
    ("여러 Lambda를 순서대로 실행 + 재시도", "Step Functions"),
    ("매주 월요일 10시 배치 실행", "EventBridge 스케줄 + Lambda"),
    ("웹/모바일 앱 사용자 로그인", "Cognito 사용자 풀"),
    ("프라이빗 서브넷에서 S3 접근 (인터넷 없이)", "VPC 게이트웨이 엔드포인트"),
    ("수백 개 VPC를 서로 연결", "Transit Gateway"),
)

#: Hand-written comparison tables: (services they are about, header, rows).
TABLES: tuple[tuple[tuple[str, ...], tuple[str, ...], tuple[tuple[str, ...], ...]], ...] = (
    (
        ("SQS", "SNS", "Kinesis Data Streams"),
        ("항목", "SQS", "SNS", "Kinesis"),
        (
            ("모델", "풀(Pull) 방식 대기열", "푸시(Push) 방식 pub/sub", "스트리밍 (Pull)"),
            ("메시지 보존", "4일 ~ 14일", "저장 안 함", "1일 ~ 365일"),
            ("순서 보장", "FIFO 대기열만", "FIFO 주제만", "샤드 단위"),
            ("소비자", "메시지당 1개", "구독자 전체", "여러 소비자"),
            ("메시지 크기", "최대 256KB", "최대 256KB", "최대 1MB"),
            ("처리량", "무제한 (표준)", "무제한", "샤드당 1MB/초"),
        ),
    ),
    (
        ("CloudFront", "Lambda"),
        ("항목", "CloudFront Functions", "Lambda@Edge"),
        (
            ("**런타임**", "JavaScript", "Node.js, Python"),
            ("**확장성**", "매우 높음 (백만 단위)", "높음 (수천 단위)"),
            ("**트리거 지점**", "뷰어 요청/응답만", "뷰어 + 오리진 모두"),
            ("**실행 시간**", "1ms 미만", "최대 5초 ~ 30초"),
            ("**네트워크/SDK 접근**", "불가능", "가능"),
        ),
    ),
    (
        ("RDS", "Aurora", "DynamoDB"),
        ("항목", "RDS", "Aurora", "DynamoDB"),
        (
            ("데이터 모델", "관계형", "관계형 (MySQL/PostgreSQL 호환)", "키-값/문서형 NoSQL"),
            ("읽기 확장", "복제본 최대 15개", "복제본 최대 15개", "글로벌 테이블, DAX"),
            ("스토리지", "최대 64TB", "최대 128TB", "무제한"),
            ("장애 조치", "Multi-AZ 1~2분", "30초 미만", "내장 (3개 AZ)"),
            ("과금", "인스턴스 시간", "인스턴스 시간 + I/O", "RCU/WCU 또는 요청 수"),
        ),
    ),
    (
        ("EBS", "EFS", "S3"),
        ("항목", "EBS", "EFS", "S3"),
        (
            ("유형", "블록 스토리지", "파일 스토리지 (NFS)", "객체 스토리지"),
            ("범위", "단일 AZ", "리전 (여러 AZ)", "리전"),
            ("동시 연결", "1개 (io1/io2는 최대 16개)", "수천 개", "HTTP로 무제한"),
            ("과금", "프로비저닝한 용량", "사용한 용량", "사용한 용량 + 요청"),
        ),
    ),
    (
        ("ELB",),
        ("항목", "ALB", "NLB", "GWLB"),
        (
            ("계층", "7계층 (HTTP/HTTPS)", "4계층 (TCP/UDP)", "3계층 (IP)"),
            ("라우팅", "경로, 호스트, 헤더", "포트", "가상 어플라이언스"),
            ("고정 IP", "불가 (Global Accelerator 필요)", "AZ당 1개", "불가"),
            ("성능", "높음", "초당 수백만 요청, 초저지연", "높음"),
        ),
    ),
    (
        ("VPC",),
        ("항목", "보안 그룹", "NACL"),
        (
            ("적용 수준", "인스턴스 (ENI)", "서브넷"),
            ("상태", "상태 저장", "상태 비저장"),
            ("규칙", "허용만", "허용 + 거부"),
            ("평가", "모든 규칙 평가", "번호 순서대로 평가"),
        ),
    ),
    (
        ("EC2",),
        ("구매 옵션", "할인율", "특징"),
        (
            ("온디맨드", "없음", "초 단위 과금, 단기 워크로드"),
            ("예약 인스턴스", "최대 72%", "1년/3년 약정, 인스턴스 속성 고정"),
            ("Savings Plans", "최대 72%", "시간당 사용 금액 약정"),
            ("스팟 인스턴스", "최대 90%", "언제든 회수될 수 있음, 배치 작업"),
            ("전용 호스트", "없음", "물리 서버 전체, 라이선스(BYOL)"),
        ),
    ),
    (
        ("S3", "S3 Glacier"),
        ("스토리지 클래스", "가용성", "최소 보관 기간", "용도"),
        (
            ("Standard", "99.99%", "없음", "자주 접근"),
            ("Standard-IA", "99.9%", "30일", "가끔 접근, 빠른 조회"),
            ("One Zone-IA", "99.5%", "30일", "재생성 가능한 데이터"),
            ("Glacier Instant Retrieval", "99.9%", "90일", "분기 1회 접근"),
            ("Glacier Flexible Retrieval", "99.99%", "90일", "백업, 분~시간 단위 검색"),
            ("Glacier Deep Archive", "99.99%", "180일", "장기 보관, 12시간 이내 검색"),
        ),
    ),
    (
        ("Step Functions",),
        ("항목", "Standard", "Express"),
        (
            ("최대 실행 시간", "1년", "5분"),
            ("실행 방식", "정확히 한 번", "최소 한 번"),
            ("과금", "상태 전환 수", "실행 수 + 시간"),
        ),
    ),
    (
        ("Kinesis Data Streams", "Kinesis Data Firehose"),
        ("항목", "Data Streams", "Data Firehose"),
        (
            ("관리", "샤드 관리 필요 (프로비저닝)", "완전 관리형"),
            ("지연", "실시간 (약 200ms)", "준실시간 (버퍼링)"),
            ("데이터 저장", "1일 ~ 365일", "저장 안 함"),
            ("리플레이", "가능", "불가"),
        ),
    ),
    (
        ("Snowball",),
        ("장치", "용량", "용도"),
        (
            ("Snowcone", "8TB HDD / 14TB SSD", "소규모, 엣지"),
            ("Snowball Edge 스토리지 최적화", "80TB", "대용량 마이그레이션"),
            ("Snowball Edge 컴퓨팅 최적화", "42TB + vCPU 52개", "엣지 컴퓨팅"),
        ),
    ),
    (
        ("Direct Connect", "Site-to-Site VPN"),
        ("항목", "Direct Connect", "Site-to-Site VPN"),
        (
            ("경로", "전용 회선", "공용 인터넷"),
            ("암호화", "기본 없음", "IPsec"),
            ("구축 기간", "1개월 이상", "수 분"),
            ("대역폭", "최대 100Gbps", "터널당 1.25Gbps"),
        ),
    ),
    (
        ("ElastiCache",),
        ("항목", "Redis", "Memcached"),
        (
            ("고가용성", "Multi-AZ, 자동 장애 조치", "없음"),
            ("영속성", "백업/복원 가능", "없음"),
            ("구조", "복제본 + 샤딩", "멀티스레드 샤딩"),
            ("데이터 타입", "정렬된 집합 등 다양", "단순 키-값"),
        ),
    ),
    (
        ("Route 53",),
        ("라우팅 정책", "설명", "상태 확인"),
        (
            ("단순", "하나의 리소스로 라우팅", "불가"),
            ("가중치", "비율대로 분산 (0 ~ 255)", "가능"),
            ("지연 시간", "가장 지연이 낮은 리전", "가능"),
            ("장애 조치", "기본 → 보조 전환", "필수"),
            ("지리 위치", "사용자 위치 기준", "가능"),
        ),
    ),
)

#: Real CLI commands for a few services; others get a policy or a Lambda handler.
CLI_EXAMPLES: dict[str, tuple[str, ...]] = {
    "s3": (
        "aws s3 mb s3://my-study-bucket-2025 --region ap-northeast-2",
        "aws s3 cp ./thumbnail.png s3://my-study-bucket-2025/images/",
        "aws s3api put-bucket-versioning --bucket my-study-bucket-2025 \\\n"
        "  --versioning-configuration Status=Enabled",
    ),
    "lambda": (
        "aws lambda invoke --function-name resize-image out.json",
        "aws lambda put-function-concurrency --function-name resize-image \\\n"
        "  --reserved-concurrent-executions 100",
    ),
    "sqs": (
        "aws sqs create-queue --queue-name orders.fifo --attributes FifoQueue=true",
        "aws sqs receive-message --queue-url $QUEUE_URL --wait-time-seconds 20",
    ),
    "sns": ('aws sns publish --topic-arn $TOPIC_ARN --message "주문 완료"',),
    "dynamodb": (
        "aws dynamodb create-table --table-name Orders --billing-mode PAY_PER_REQUEST \\\n"
        "  --attribute-definitions AttributeName=pk,AttributeType=S \\\n"
        "  --key-schema AttributeName=pk,KeyType=HASH",
    ),
    "ec2": (
        "aws ec2 describe-instances --filters Name=instance-state-name,Values=running",
        "curl http://169.254.169.254/latest/meta-data/instance-id",
    ),
    "kinesis": (
        "aws kinesis put-record --stream-name clicks --partition-key user-42 --data fileb://event.json",
    ),
    "rds": (
        "aws rds create-db-instance-read-replica --db-instance-identifier app-replica \\\n"
        "  --source-db-instance-identifier app-db",
    ),
    "cloudformation": (
        "aws cloudformation deploy --template-file template.yaml --stack-name study-stack",
    ),
    "kms": ("aws kms encrypt --key-id alias/study-key --plaintext fileb://secret.txt",),
    "iam": ("aws iam list-attached-user-policies --user-name study-user",),
    "route53": ("aws route53 list-hosted-zones",),
    "cloudwatch": (
        "aws cloudwatch put-metric-alarm --alarm-name high-cpu --metric-name CPUUtilization \\\n"
        "  --namespace AWS/EC2 --statistic Average --period 300 --threshold 80 \\\n"
        "  --comparison-operator GreaterThanThreshold --evaluation-periods 2",
    ),
    "": (
        "dig +short example.com A",
        "curl -I https://example.com",
        "traceroute 8.8.8.8",
        "nslookup -type=MX example.com",
        "ipcalc 10.0.0.0/24",
    ),
}

RULES_BY_SERVICE: dict[str, tuple[tuple[str, str], ...]] = {
    s.en: tuple(r for r in RULES if s.en in r[0] or s.en in r[1]) for s in SERVICES
}
RELATIONS_BY_SERVICE: dict[str, tuple[tuple[str, str, str], ...]] = {
    s.en: tuple(r for r in RELATIONS if s.en in (r[0], r[1])) for s in SERVICES
}
