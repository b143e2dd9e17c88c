"""Word material for the synthetic generator: places, people and sentence templates.

All text here is written for wirewatch. Towns and people are invented; regions,
cities that host talks and mediators are real. ``{slots}`` are filled by
:mod:`producers.synthetic`.
"""

from __future__ import annotations

# fmt: off
TOWNS = (
    "Beit Qaram", "Tel Rashaf", "Wadi Seraj", "Kafr Nudra", "Deir Halwa", "Ain Sufra",
    "Khirbet Lamun", "Jabal Tarif", "Marj al-Nour", "Bir Hasna", "Qasr Amin", "Nahal Oren",
    "Umm Zeitun", "Sahel Barqa", "Hayy al-Karama", "Ras Mudawwar",
)
TOLL_REGIONS = ("Gaza", "the Gaza Strip")
AREAS = ("northern Gaza", "central Gaza", "Khan Younis", "Rafah", "Gaza City", "Deir al-Balah")
REGIONS = (
    "the Gaza Strip", "northern Gaza", "central Gaza", "Khan Younis", "Rafah", "the West Bank",
    "southern Lebanon", "northern Israel", "the Red Sea coast", "the Golan Heights",
)
VENUES = ("Cairo", "Doha", "Paris", "Washington")
MEDIATORS = ("Egypt", "Qatar", "the United States", "the United Nations")
VETO_MEMBERS = ("the United States", "Russia", "China")
SPOKESPEOPLE = (
    "Nadia Haddad, a spokesperson for the regional health authority",
    "Omar Khalil, who coordinates an emergency medical team",
    "Lt. Col. Avi Ronen, a military spokesman",
    "Mariam Saleh, a relief coordinator with a UN agency",
    "Yusuf Darwish, a civil defence official",
    "Hana Levi, a government adviser",
)
OUTAGES = ("mobile phone", "internet", "telephone and internet", "mobile network")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
CLUBS = ("Harbour City", "Olive Grove FC", "Red Star Valley", "Al-Sahel", "Northgate United")
NUMBER_WORDS = (
    "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
)
# fmt: on

#: kind -> (headlines, leads, details); headline i goes with lead i (wrapping around)
STORIES: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "incident": (
        (
            "Strike on {town} kills {killed_short}, officials say",
            "{killed_short_cap} dead after overnight bombardment in {area}",
            "Shelling hits crowded market in {town}",
        ),
        (
            "{killed_phrase_cap} were killed in an airstrike on a residential block in {town} "
            "in {area} on {weekday}, local health officials said.",
            "An overnight bombardment of {town} in {area} killed {killed_phrase}, "
            "including {children}, according to rescuers at the scene.",
            "Shelling that hit a market in {town} in {area} on {weekday} morning left "
            "{killed_phrase} dead and {wounded} wounded, medics said.",
        ),
        (
            "Rescue workers said they were still digging through the rubble by hand because "
            "heavy machinery could not reach the site.",
            "The military said it had targeted a command post and that it was reviewing "
            "reports of civilian casualties.",
            "Hospital staff in {town} said {wounded} wounded people had arrived within two "
            "hours, many of them with burns and shrapnel injuries.",
            "Residents said the strike came without warning shortly after midnight.",
            "At least {missing_local} people were believed to be trapped under the collapsed "
            "building, according to the civil defence service.",
            "Footage shared by residents showed a crater where a four-storey house had stood.",
            "{spokesperson} said the number of dead was likely to rise.",
            "The health ministry says {toll} people have been killed in {toll_region} "
            "since the war began.",
            "Neighbours said several of the dead were members of a single family.",
        ),
    ),
    "toll": (
        (
            "Death toll in {toll_region} rises to {toll}, health ministry says",
            "Health ministry: {toll} killed since the war began",
            "War's toll climbs past {toll_round} as fighting continues",
        ),
        (
            "The health ministry said on {weekday} that the death toll had risen to {toll}, "
            "with {daily} people killed in the past 24 hours.",
            "At least {toll} people have been killed since the fighting began, the health "
            "ministry said on {weekday}, adding that {toll_wounded} others had been wounded.",
            "The number of people killed in {toll_region} has reached {toll}, according to "
            "figures released by the health ministry on {weekday}.",
        ),
        (
            "The ministry does not distinguish between civilians and combatants in its count.",
            "It said {toll_wounded} people had been wounded and that about {missing} more were "
            "missing, many of them presumed buried under rubble.",
            "{daily} bodies were brought to hospitals over the previous day, the ministry said.",
            "The military disputes some of the figures but has not published its own count.",
            "UN agencies have generally described the ministry's past figures as reliable.",
        ),
    ),
    "hostages": (
        (
            "{hostages} hostages still held, officials say, as pressure grows",
            "Families of hostages rally as {hostages} remain in captivity",
        ),
        (
            "Officials said on {weekday} that {hostages} hostages were still being held in "
            "{region}, and that the fate of several of them was unknown.",
            "Relatives of the {hostages} people still held captive marched through the city "
            "on {weekday}, urging the government to agree to a deal.",
        ),
        (
            "Officials believe that some of those still held are no longer alive.",
            "Organisers said the protest drew tens of thousands of people.",
            "The government said it was doing everything possible to bring the captives home.",
            "Aid groups have asked for access to check on the health of those being held.",
        ),
    ),
    "talks": (
        (
            "Negotiators meet in {venue} as mediators push new proposal",
            "{mediator_cap} presents fresh plan for pause in fighting",
            "Talks on a truce resume in {venue} with {mediator} mediating",
        ),
        (
            "Negotiators arrived in {venue} on {weekday} for a new round of indirect talks "
            "brokered by {mediator} and {mediator2}, officials familiar with the process said.",
            "{mediator_cap} has put forward a proposal for a {truce_days}-day pause in fighting "
            "that would see {swap_hostages} hostages exchanged for {prisoners} prisoners.",
            "A delegation travelled to {venue} on {weekday} to discuss a phased truce, as "
            "mediators from {mediator} and {mediator2} tried to close remaining gaps.",
        ),
        (
            "Both sides remain far apart on whether any truce would be permanent.",
            "An official briefed on the talks described them as serious but difficult.",
            "A diplomat said a draft text had been exchanged but no agreement was close.",
            "The proposal would also allow more aid trucks to enter each day.",
            "Previous rounds of talks ended without agreement.",
            "The delegation was expected to return home for consultations within two days.",
        ),
    ),
    "ceasefire": (
        (
            "Cease-fire agreed for {region}, to take effect {weekday}",
            "Truce in {region} frays as both sides trade accusations",
            "Fragile cease-fire holds for a second day",
        ),
        (
            "A cease-fire for {region} was agreed late on {weekday} after talks mediated by "
            "{mediator} and {mediator2}, and is due to last {truce_days} days.",
            "The cease-fire in {region} appeared to be violated on {weekday} when rockets were "
            "fired toward {town} and the army responded with artillery, officials said.",
            "A pause in fighting largely held through {weekday}, with only scattered reports of "
            "gunfire near {town}, according to residents.",
        ),
        (
            "Each side accused the other of breaching the terms of the truce.",
            "Mediators urged both parties to exercise restraint and keep to the agreement.",
            "Residents used the calm to return briefly to their homes and collect belongings.",
            "The agreement includes a clause allowing it to be extended day by day.",
        ),
    ),
    "release": (
        (
            "{swap_hostages_cap} hostages freed in exchange for {prisoners} prisoners",
            "Second group of captives released under truce deal",
        ),
        (
            "{swap_hostages_cap} hostages were released on {weekday} and handed to the Red "
            "Cross, while {prisoners} prisoners were freed in return, officials said.",
            "Under the terms of the truce, {swap_hostages} more hostages were set free on "
            "{weekday} in exchange for the release of {prisoners} prisoners.",
        ),
        (
            "Those released were taken to hospital for medical checks.",
            "Crowds gathered to welcome the freed prisoners on their return.",
            "Mediators said further releases were expected if the truce holds.",
        ),
    ),
    "council": (
        (
            "Security Council to vote on cease-fire resolution {weekday}",
            "UN vote on truce postponed as negotiations drag on",
            "Security Council adopts resolution calling for pause in fighting",
            "{veto_cap} vetoes Security Council cease-fire resolution",
        ),
        (
            "The UN Security Council is scheduled to vote on {weekday} on a draft resolution "
            "calling for an immediate humanitarian cease-fire, diplomats said.",
            "A Security Council vote on a cease-fire resolution was postponed on {weekday} "
            "as members continued to negotiate over the wording.",
            "The UN Security Council adopted a resolution on {weekday} calling for a pause in "
            "fighting, with {votes_for} votes in favour and {abstentions} abstentions.",
            "{veto_cap} vetoed a draft Security Council resolution on {weekday} that would "
            "have demanded an immediate cease-fire in {region}.",
        ),
        (
            "The draft was circulated by a group of elected council members.",
            "Diplomats said the text had been softened to avoid a veto.",
            "A resolution needs nine votes in favour and no veto from a permanent member.",
            "The UN secretary-general has repeatedly called for a humanitarian cease-fire.",
        ),
    ),
    "signals": (
        (
            "Sirens sound across {region} as rockets are fired",
            "{trucks} aid trucks enter through southern crossing",
            "Communications blackout cuts off {region}",
            "Thousands flee {town} after evacuation order",
        ),
        (
            "Air raid sirens sounded in {region} on {weekday} as a barrage of rockets was "
            "fired, most of which were intercepted, the military said.",
            "{trucks} trucks carrying food, water and medicine crossed into {area} on "
            "{weekday}, far fewer than aid agencies say are needed.",
            "A {outage} outage cut off much of {region} on {weekday}, leaving residents and "
            "rescue teams unable to call for help.",
            "About {displaced} people have fled {town} since the army ordered residents to "
            "leave, according to UN estimates.",
        ),
        (
            "Aid agencies said fuel shortages were forcing bakeries and hospitals to close.",
            "Families were sheltering in schools, tents and the open air.",
            "The army said it was expanding ground operations in the area.",
            "Drones could be heard over the town throughout the night.",
            "Aid workers said the crossing closed early because of security concerns.",
            "The health ministry said {daily} people had been killed across {toll_region} "
            "in the past day.",
            "Aid agencies estimate that {displaced} people are now sheltering in a single "
            "district.",
        ),
    ),
}

#: Invented outlets that cover an incident after the first report (multi-source coverage).
OUTLETS = (
    "Levant Wire", "Coastal Daily", "Harbour Times", "Desert Post", "Evening Ledger",
    "Northern Herald", "Crescent News", "Meridian Live",
)  # fmt: skip
#: Areas precise enough for a revised toll to name the strike's place.
REVISABLE_AREAS = ("Khan Younis", "Rafah", "Gaza City", "Deir al-Balah")

#: Other outlets' reports of one incident: (headline, lead); {cover_figure} varies per outlet.
COVERAGE = (
    ("{cover_figure_cap} killed in {town} strike",
     "{cover_figure_cap} people were killed when a strike hit {town} in {area} on {weekday}, "
     "witnesses said."),
    ("Deadly strike on {town}",
     "Medics in {area} said {cover_figure} people died after a strike on a building in {town} "
     "on {weekday}."),
    ("{town}: rescuers search rubble after strike",
     "Rescuers in {area} recovered the bodies of {cover_figure} people killed in a strike on "
     "{town}, the civil defence service said."),
    ("Live: strikes across Gaza, {town} hit",
     "A strike in {area} killed {cover_figure} people in {town} on {weekday}, local officials "
     "said."),
)  # fmt: skip
#: A later report that revises the figure of the strike (the health ministry's count).
REVISIONS = (
    ("{town} strike toll rises to {revised}",
     "The number of people killed in {weekday}'s strike on {town} in {area} rose to {revised}, "
     "the health ministry said."),
    ("Toll from {town} strike revised to {revised}",
     "The death toll from {weekday}'s strike in {area} has risen to {revised}, the health "
     "ministry said."),
)  # fmt: skip

#: Sentences any conflict story may borrow, to reach a realistic length.
CONTEXT = (
    "The war has displaced most of the population of {region}, according to UN agencies.",
    "Humanitarian groups have warned of acute shortages of food, clean water and fuel.",
    "Hospitals in the south are operating far beyond capacity, doctors say.",
    "{spokesperson} said conditions were the worst in years of relief work.",
    "Mediators from {mediator} and {mediator2} have spent weeks trying to arrange a pause.",
    "Diplomats say the sticking points are the length of any truce and the sequence of releases.",
    "Independent journalists have limited access to the area, making reports hard to verify.",
    "Fighting has also flared along the border with southern Lebanon in recent weeks.",
    "Residents described long queues for bread and water that began before dawn.",
    "The UN said only a handful of hospitals in the north remained even partly functional.",
    "Officials in {venue} said they expected another round of meetings within days.",
    "The military said it had struck dozens of targets over the past day.",
    "Aid convoys have repeatedly been delayed by inspections and damaged roads.",
    "A UN official described the situation in shelters as overcrowded and unsanitary.",
    "Families in {town} said they had moved several times in search of safety.",
    "The foreign ministers of several countries called for the protection of civilians.",
    "Schools across {region} have been closed for months, and many are now shelters.",
    "Analysts said a broader agreement would depend on guarantees from the mediators.",
    "Relief agencies said they could not reach several neighbourhoods because of fighting.",
    "Some families have started rebuilding makeshift homes from the rubble.",
    "Doctors said they were treating patients on floors and in corridors.",
    "The price of flour has risen several times over in local markets, traders said.",
    "Aid officials said that trucks had waited for days at the crossing before entering.",
    "The army said its troops had found weapons and tunnel shafts in the area.",
    "Local officials said the water network had been badly damaged.",
    "Several governments have advised their citizens to leave the region.",
    "The UN refugee agency said its staff were working in extremely dangerous conditions.",
    "Rights groups have called for an independent investigation into recent strikes.",
    "Satellite images analysed by researchers show widespread damage to farmland.",
    "Parents said children were showing signs of severe distress.",
    "Engineers warned that damaged buildings could collapse without further strikes.",
    "A regional leader said the crisis threatened stability across the wider area.",
    "Officials said rubbish was piling up because collection had stopped.",
    "Telecommunications engineers said repairs would take days once crews could reach the lines.",
    "The World Health Organization said it was concerned about the spread of disease.",
)

#: Articles with no conflict metrics at all, to test that nothing is extracted from them.
#: topic -> (headlines, sentences); headline i goes with lead sentence i.
NOISE: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "sports": (
        (
            "{club} edge {club2} in late thriller",
            "{club} keep title hopes alive with win over {club2}",
        ),
        (
            "{club} beat {club2} {score} on {weekday} evening, with a header in stoppage time.",
            "{club2} slipped to a {score} defeat against {club} on {weekday}, a result that "
            "leaves the visitors in the bottom half of the table.",
            "The coach praised the team's patience after a slow first half.",
            "Their striker has now scored in five consecutive matches.",
            "The home crowd stayed long after the final whistle to applaud the players.",
            "Next week the side travel to face the league leaders.",
            "The visiting goalkeeper made several fine saves before the break.",
            "The club confirmed that its captain would miss the next game with a knee problem.",
            "Ticket sales for the season have been the strongest in a decade.",
            "The youth academy has produced three of the starting eleven this season.",
            "Supporters' groups have asked the league to move kick-off times to the evening.",
            "The match was the first under the club's new head coach, appointed last month.",
            "Both teams were booked twice in an ill-tempered second half.",
            "Broadcast figures showed the game drew the largest audience of the weekend.",
        ),
    ),
    "economy": (
        (
            "Central bank holds rates at {rate} percent",
            "Inflation eases to {inflation} percent as fuel prices fall",
        ),
        (
            "The central bank kept its main interest rate at {rate} percent on {weekday}, "
            "citing uncertainty about the outlook.",
            "Annual inflation slowed to {inflation} percent last month, the statistics office "
            "said, helped by lower fuel and food prices.",
            "Economists had expected the decision and said a cut could come later in the year.",
            "The currency was little changed after the announcement.",
            "Exporters have complained that borrowing costs remain too high.",
            "Tourism revenue fell sharply over the quarter, the ministry said.",
            "The stock index closed slightly higher, led by technology and bank shares.",
            "Retail sales were broadly flat compared with the previous month.",
            "The finance ministry said the budget deficit was in line with its targets.",
            "Small businesses reported that demand for credit had weakened.",
            "Mortgage lenders are expected to adjust their offers in the coming weeks.",
            "Analysts pointed to a slowdown in construction as a drag on growth.",
            "The government plans to publish revised growth forecasts next month.",
        ),
    ),
    "weather": (
        (
            "Heat wave to continue through the weekend, forecasters say",
            "Heavy rain expected along the coast",
        ),
        (
            "Temperatures are expected to reach {temp} degrees Celsius on {weekday}, "
            "forecasters said, urging people to stay indoors in the afternoon.",
            "Forecasters expect up to {rain} millimetres of rain along the coast by {weekday}.",
            "Farmers said the conditions had come too early for the summer crop.",
            "The meteorological service issued a yellow warning for several districts.",
            "Cooler air should arrive early next week.",
            "Authorities advised drivers to take care on coastal roads.",
            "Water utilities asked residents to limit garden watering.",
            "Hospitals reported a rise in visits for heat exhaustion among older people.",
            "Public swimming pools will stay open late for the rest of the week.",
            "Wind gusts could bring down branches in exposed areas, the service said.",
            "Last year's summer was the hottest on record in the country.",
            "Schools were told to keep pupils inside during the hottest hours.",
        ),
    ),
}
