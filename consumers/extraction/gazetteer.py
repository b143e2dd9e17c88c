"""Named actors and places, each surface form mapped to one normalised name.

``ACTORS`` and ``PLACES`` map a normalised name to its surface forms; ``COUNTRIES`` are both
(an actor when acting, a location after "in", "central" and the like); ``MEDIATORS`` are the
actors that broker talks rather than take part in them. Surface forms are matched without
case, except those in ``CASE_SENSITIVE`` ("US" is not "us", "WHO" is not "who").
"""

from __future__ import annotations

from typing import Final

ACTORS: Final[dict[str, tuple[str, ...]]] = {
    "Israel Defense Forces": (
        "IDF", "Israel Defense Forces", "Israel Defence Forces", "Israeli military",
        "Israeli army", "Israel's military", "Israel's army", "Israeli forces", "Israeli troops",
        "Israeli soldiers", "Israeli military's", "Israeli warplanes", "Israeli jets",
    ),
    "Hamas": ("Hamas", "Qassam Brigades", "al-Qassam Brigades", "Hamas militants", "Hamas's"),
    "Palestinian Islamic Jihad": ("Islamic Jihad", "Palestinian Islamic Jihad", "PIJ"),
    "Hezbollah": ("Hezbollah", "Hizbollah", "Hizballah"),
    "Houthis": ("Houthis", "Houthi", "Ansar Allah", "Houthi rebels"),
    "Palestinian Authority": ("Palestinian Authority", "PA"),
    "United Nations": ("United Nations", "UN", "U.N.", "U.N"),
    "UN Security Council": ("Security Council", "UN Security Council", "U.N. Security Council"),
    "UNRWA": ("UNRWA",),
    "OCHA": ("OCHA", "UN humanitarian office", "U.N. humanitarian office"),
    "World Health Organization": ("World Health Organization", "WHO"),
    "Red Cross": ("Red Cross", "ICRC", "International Committee of the Red Cross"),
    "Red Crescent": ("Red Crescent", "Palestine Red Crescent Society", "Palestinian Red Crescent"),
    "Health Ministry": ("health ministry", "Ministry of Health", "Gaza health ministry"),
    "European Union": ("European Union", "EU"),
    "Arab League": ("Arab League",),
    "Ismail Haniyeh": ("Ismail Haniyeh", "Haniyeh"),
    "Yahya Sinwar": ("Yahya Sinwar", "Sinwar"),
    "Benjamin Netanyahu": ("Benjamin Netanyahu", "Netanyahu"),
    "Joe Biden": ("Joe Biden", "Biden"),
    "Antony Blinken": ("Antony Blinken", "Blinken"),
    "Antonio Guterres": ("Antonio Guterres", "Guterres"),
}  # fmt: skip

COUNTRIES: Final[dict[str, tuple[str, ...]]] = {
    "Israel": ("Israel",),
    "Egypt": ("Egypt", "Egyptian", "Egyptian officials", "Egyptian mediators"),
    "Qatar": ("Qatar", "Qatari", "Qatari officials", "Qatari mediators"),
    "United States": ("United States", "US", "U.S.", "U.S", "USA", "Washington",
                      "American officials", "the Biden administration"),
    "Lebanon": ("Lebanon",),
    "Syria": ("Syria",),
    "Iran": ("Iran",),
    "Yemen": ("Yemen",),
    "Jordan": ("Jordan",),
    "Saudi Arabia": ("Saudi Arabia",),
    "Turkey": ("Turkey", "Turkiye", "T\u00fcrkiye"),
    "France": ("France",),
    "United Kingdom": ("United Kingdom", "Britain", "UK", "U.K."),
    "Russia": ("Russia",),
    "Ukraine": ("Ukraine",),
    "China": ("China",),
    "Iraq": ("Iraq",),
    "Sudan": ("Sudan",),
}  # fmt: skip

PLACES: Final[dict[str, tuple[str, ...]]] = {
    "Gaza": ("Gaza", "Gaza Strip", "the Strip", "Gazan enclave"),
    "Gaza City": ("Gaza City",),
    "Khan Younis": ("Khan Younis", "Khan Yunis", "Khan Younes"),
    "Rafah": ("Rafah", "Rafah crossing"),
    "Jabalia": ("Jabalia", "Jabaliya", "Jabalia refugee camp", "Jabalia camp"),
    "Deir al-Balah": ("Deir al-Balah", "Deir el-Balah", "Deir al Balah"),
    "Nuseirat": ("Nuseirat", "Nuseirat camp"),
    "Beit Hanoun": ("Beit Hanoun", "Beit Hanun"),
    "Beit Lahia": ("Beit Lahia", "Beit Lahiya"),
    "Shujaiya": ("Shujaiya", "Shejaiya", "Shujaiyya"),
    "Bureij": ("Bureij",),
    "Maghazi": ("Maghazi",),
    "Kerem Shalom": ("Kerem Shalom",),
    "West Bank": ("West Bank", "occupied West Bank"),
    "Jenin": ("Jenin",),
    "Nablus": ("Nablus",),
    "Tulkarem": ("Tulkarem", "Tulkarm"),
    "Hebron": ("Hebron",),
    "Ramallah": ("Ramallah",),
    "Jerusalem": ("Jerusalem", "East Jerusalem"),
    "Tel Aviv": ("Tel Aviv",),
    "Ashkelon": ("Ashkelon",),
    "Ashdod": ("Ashdod",),
    "Sderot": ("Sderot",),
    "Haifa": ("Haifa",),
    "Beersheba": ("Beersheba", "Beer Sheva"),
    "Kfar Aza": ("Kfar Aza",),
    "Be'eri": ("Be'eri", "Beeri"),
    "Nir Oz": ("Nir Oz",),
    "Golan Heights": ("Golan Heights", "Golan"),
    "Beirut": ("Beirut",),
    "Damascus": ("Damascus",),
    "Cairo": ("Cairo",),
    "Amman": ("Amman",),
    "Doha": ("Doha",),
    "Sanaa": ("Sanaa", "Sana'a"),
    "Red Sea": ("Red Sea",),
    "Tehran": ("Tehran",),
    "Kyiv": ("Kyiv", "Kiev"),
    "Kharkiv": ("Kharkiv",),
    "Khartoum": ("Khartoum",),
    "Darfur": ("Darfur",),
    "New York": ("New York",),
}  # fmt: skip

MEDIATORS: Final = frozenset({"Egypt", "Qatar", "United States", "United Nations",
                              "UN Security Council", "Turkey", "France", "Red Cross", "Jordan",
                              "European Union"})  # fmt: skip
PARTY_NAMES: Final = {"Israel Defense Forces": "Israel"}
CASE_SENSITIVE: Final = frozenset(
    {
        "US",
        "UN",
        "U.N",
        "WHO",
        "PA",
        "PIJ",
        "IDF",
        "EU",
        "UK",
        "USA",
        "ICRC",
        "OCHA",
        "UNRWA",
        "Jordan",
        "Turkey",
        "Golan",
        "Doha",
    }
)


def entries() -> list[tuple[str, str, str]]:
    """All ``(surface, category, name)`` triples; category is actor, location or country."""
    rows = [(s, "actor", name) for name, forms in ACTORS.items() for s in forms]
    rows += [(s, "country", name) for name, forms in COUNTRIES.items() for s in forms]
    rows += [(s, "location", name) for name, forms in PLACES.items() for s in forms]
    return rows
