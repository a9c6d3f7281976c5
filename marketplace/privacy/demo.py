"""Demo producers: pseudonymous profiles, consents in every state, and obviously fake identities.

The identities are invented and say so ("Mẫu" means "sample"; the phone and ID numbers are
zeros). They are written through the services, encrypted like real ones; without an encryption key
(production settings with PRODUCER_IDENTITY_KEYS unset) the profiles are loaded without them.
"""

import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import timedelta

from django.utils import timezone
from PIL import Image, ImageDraw

from marketplace.privacy import crypto, services
from marketplace.privacy.models import (
    AccessLogEntry,
    ConsentScope,
    ProducerConsent,
    ProducerIdentity,
    ProducerProfile,
)

STORY, PHOTO = ConsentScope.STORY.value, ConsentScope.PHOTO.value


@dataclass(frozen=True)
class DemoProducer:
    booth: str  # slug of a demo booth
    pseudonym: str
    craft: str
    story: str
    story_en: str
    consents: tuple[str, ...] = ()  # scopes consented to now
    expired: tuple[str, ...] = ()  # scopes whose consent has run out
    revoked: tuple[str, ...] = ()  # scopes whose consent was withdrawn
    color: tuple[int, int, int] = (180, 120, 60)


DEMO_PRODUCERS = (
    DemoProducer(
        "nhom-sinh-ke-hoa-rung",
        "Chị Hoa",
        "Nuôi ong lấy mật",
        "Chị học nuôi ong ở nhóm sinh kế và nay chăm ba mươi đàn ong bên rừng keo.",
        "She learned beekeeping in the livelihood group and now tends thirty hives by the forest.",
        consents=(STORY, PHOTO),
        color=(214, 160, 40),
    ),
    DemoProducer(
        "nhom-sinh-ke-hoa-rung",
        "Chị Mây",
        "Làm nến sáp ong",
        "Chị đổ nến sáp ong bằng khuôn tre tự làm.",
        "She pours beeswax candles in bamboo moulds she made herself.",
        consents=(STORY,),
        color=(230, 200, 120),
    ),
    DemoProducer(
        "htx-phu-nu-nui-xanh",
        "Chị Lan",
        "Trồng quế",
        "Chị trồng và bóc vỏ quế cùng các chị em trong hợp tác xã.",
        "She grows and peels cinnamon with the other women of the cooperative.",
        expired=(STORY,),
        color=(150, 90, 50),
    ),
    DemoProducer(
        "nhom-det-lanh-may-trang",
        "Chị Suối",
        "Dệt vải lanh",
        "Chị dệt vải lanh theo hoa văn của mẹ.",
        "She weaves hemp cloth in her mother's patterns.",
        consents=(STORY,),
        revoked=(PHOTO,),
        color=(90, 110, 170),
    ),
    DemoProducer(
        "nhom-gom-lua-hong",
        "Chị Hồng",
        "Nặn gốm",
        "Chị nặn gốm ở lò chung của nhóm.",
        "She shapes pottery at the group's shared kiln.",
        color=(190, 90, 70),
    ),
)


@dataclass
class DemoProducerSummary:
    profiles: int = 0
    identities: int = 0
    identities_skipped: int = 0
    files: list[str] = field(default_factory=list)


class _DemoLoader:
    """Acts for the demo loader as staff allowed everything; never a real account."""

    pk = None
    email = "demo-loader@localhost"
    is_authenticated = True
    is_active = True
    is_staff = True

    def has_perm(self, perm: str, obj=None) -> bool:
        return True


def _picture(color: tuple[int, int, int]) -> bytes:
    """An abstract picture, a woven pattern in one colour: no demo photo shows a person."""
    image = Image.new("RGB", (480, 360), color)
    draw = ImageDraw.Draw(image)
    shade = tuple(max(0, part - 40) for part in color)
    for x in range(0, 480, 24):
        draw.line([(x, 0), (x + 120, 360)], fill=shade, width=6)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def _fake_identity(number: int) -> dict:
    return {
        "legal_name": f"Nguyễn Thị Mẫu {number}",
        "phone": f"0900 000 {number:03d}",
        "national_id_number": f"{number:012d}",
        "date_of_birth": f"199{number % 10}-01-01",
        "home_address": f"Số {number}, đường Mẫu, xã Thử Nghiệm (địa chỉ giả)",
    }


def load_demo_producers(booths: Mapping[str, object]) -> DemoProducerSummary:
    """Create the demo producers of the given booths (slug -> Booth); call inside the demo's
    transaction. `files` lists the photos written, to delete if the transaction fails."""
    actor = _DemoLoader()
    summary = DemoProducerSummary()
    now = timezone.now()
    try:
        crypto.encrypt("check")
        can_encrypt = True
    except crypto.EncryptionNotConfigured:
        can_encrypt = False
    for number, demo in enumerate(DEMO_PRODUCERS, start=1):
        booth = booths.get(demo.booth)
        if booth is None:
            continue
        profile = services.create_profile(
            actor=actor,
            booth=booth,
            pseudonym=demo.pseudonym,
            craft=demo.craft,
            story=demo.story,
            story_en=demo.story_en,
            photo=io.BytesIO(_picture(demo.color)),
        )
        summary.profiles += 1
        summary.files.append(profile.photo.name)
        for scope in demo.consents:
            services.grant_consent(
                actor=actor, profile=profile, scope=scope, expires_at=now + timedelta(days=365)
            )
        for scope in demo.expired:
            ProducerConsent.objects.create(
                producer=profile,
                scope=scope,
                granted_at=now - timedelta(days=400),
                expires_at=now - timedelta(days=35),
            )
        for scope in demo.revoked:
            consent = services.grant_consent(actor=actor, profile=profile, scope=scope)
            services.revoke_consent(actor=actor, consent=consent)
            profile.refresh_from_db()
        if profile.photo and profile.photo.name not in summary.files:
            summary.files.append(profile.photo.name)
        if can_encrypt:
            services.update_identity(actor=actor, profile=profile, **_fake_identity(number))
            summary.identities += 1
        else:
            summary.identities_skipped += 1
    return summary


def remove_demo_producers(booths: Iterable) -> int:
    """Delete the producers of the given demo booths with their identities, consents, photos and
    access-log entries (kept for real producers, so booths with producers cannot be deleted
    otherwise). Returns how many producers were removed."""
    profiles = list(ProducerProfile.objects.filter(booth__in=list(booths)))
    for profile in profiles:
        if profile.photo:
            profile.photo.delete(save=False)
    AccessLogEntry.objects.filter(producer__in=profiles).delete()
    ProducerIdentity.objects.filter(producer__in=profiles).delete()
    ProducerProfile.objects.filter(pk__in=[profile.pk for profile in profiles]).delete()
    return len(profiles)
