"""Place normalisation for incident signatures: the regions that hold the gazetteer's places."""

from __future__ import annotations

_GAZA = ("Gaza City", "Khan Younis", "Rafah", "Jabalia", "Deir al-Balah", "Nuseirat", "Beit Hanoun",
         "Beit Lahia", "Shujaiya", "Bureij", "Maghazi")  # fmt: skip
REGIONS: dict[str, str] = {
    **dict.fromkeys(_GAZA, "Gaza"),
    **dict.fromkeys(("Jenin", "Nablus", "Tulkarem", "Hebron", "Ramallah"), "West Bank"),
    **dict.fromkeys(("Tel Aviv", "Ashkelon", "Ashdod", "Sderot", "Haifa", "Beersheba",
                     "Kfar Aza", "Be'eri", "Nir Oz"), "Israel"),  # fmt: skip
    "Beirut": "Lebanon", "Damascus": "Syria", "Sanaa": "Yemen", "Tehran": "Iran",
    "Kyiv": "Ukraine", "Kharkiv": "Ukraine", "Khartoum": "Sudan", "Darfur": "Sudan",
    "Cairo": "Egypt", "Amman": "Jordan", "Doha": "Qatar",
}  # fmt: skip
_REGION_NAMES = frozenset(REGIONS.values())


def root(place: str) -> str:
    """The region that holds ``place`` (the place itself when it is a region or unknown)."""
    return REGIONS.get(place, place)


def is_region(place: str) -> bool:
    """True for a coarse place (a region or country) that holds other places."""
    return place in _REGION_NAMES


def compatible(left: str, right: str) -> bool:
    """Same place, or one is the region that holds the other ("Gaza" and "Rafah")."""
    return left == right or root(left) == right or root(right) == left


def finest(places: list[str]) -> str | None:
    """The first specific place of a list, else its first region, else None."""
    specific = [p for p in places if not is_region(p)]
    chosen = specific or places
    return chosen[0] if chosen else None
