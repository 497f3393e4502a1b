"""Word lists for the environment, animals, transport, energy, the economy, culture and tech."""

from __future__ import annotations

from caseworker.demo.areas import Area, Tied

#: Titles about children online and the safety of new technology.
_ONLINE = (
    "children",
    "social media",
    "smartphone",
    "age of",
    "chatbot",
    "algorithm",
    "ai models",
    "safety testing",
    "smart home",
)

ENVIRONMENT = Area(
    topic="environment",
    departments=("DEFRA",),
    asks=(
        "Ban the sale of {x} in the UK",
        "Introduce a deposit return scheme for {y}",
        "Stop water companies discharging sewage into rivers and seas",
        "Make ecocide a criminal offence in UK law",
        "Protect all ancient woodland from development",
        "Give every river in England legal protection as a bathing water",
        "Ban the use of peat in all garden compost",
    ),
    fills=(
        "single-use vapes",
        "wet wipes containing plastic",
        "garden pesticides",
        "disposable barbecues",
        "microbeads in cleaning products",
    ),
    more_fills=("glass bottles", "coffee cups", "drinks cartons", "aluminium cans"),
    problems=(
        "Our rivers, seas and countryside are being damaged at an alarming rate.",
        "Wildlife in the UK has declined sharply over the last 50 years.",
        Tied(
            ("plastic", "wipes", "microbeads", "deposit", "vapes", "single-use"),
            "Plastic waste is polluting our beaches and harming marine life.",
        ),
        "The public want faster action to protect the natural environment.",
    ),
    details=(
        Tied(
            ("river", "sewage"),
            "Only a small fraction of our rivers are in good ecological health.",
        ),
        Tied(
            ("vapes", "deposit", "barbecues", "wipes"),
            "Councils spend millions each year clearing up litter.",
        ),
        "Scientists have warned that delay will make the damage harder to reverse.",
        "Other European countries have already acted on this.",
    ),
    policy=(
        "The Environmental Improvement Plan sets out how the Government will meet its legally "
        "binding targets under the Environment Act 2021.",
        Tied(
            ("river", "sewage"),
            "The Government has introduced tougher penalties for water companies and is reforming "
            "the regulation of the water sector.",
        ),
        "Defra works closely with the Environment Agency and Natural England to monitor and "
        "enforce environmental protections.",
    ),
    review=("its review of the Environmental Improvement Plan",),
    stakeholders="the Environment Agency, farmers, industry and environmental charities",
)

ANIMALS = Area(
    topic="animal-welfare",
    departments=("DEFRA",),
    asks=(
        "Ban {x} in England",
        "Make the sale of {y} illegal",
        "End the live export of farm animals for fattening and slaughter",
        "Introduce mandatory microchipping for all pet cats",
        "Ban the use of snares and glue traps",
        "Make it a legal requirement to report hitting a cat with a vehicle",
        "Require CCTV in every slaughterhouse",
    ),
    fills=(
        "trail hunting",
        "puppy farming",
        "fur farming",
        "cages for laying hens",
        "the use of wild animals in circuses",
        "greyhound racing",
    ),
    more_fills=("fur", "foie gras", "hunting trophies", "electric shock collars"),
    problems=(
        "Animals in the UK still suffer needlessly because the law has gaps.",
        "The UK is proud of its record on animal welfare but can do better.",
        "Thousands of animals suffer every year because of this practice.",
    ),
    details=(
        "Polls consistently show that the public support tougher animal welfare laws.",
        "Enforcement is patchy and offenders rarely face serious penalties.",
        "Animal welfare charities have campaigned on this for many years.",
        "This would bring the law into line with modern science on animal sentience.",
    ),
    policy=(
        "The Animal Welfare Act 2006 makes it an offence to cause unnecessary suffering to any "
        "animal.",
        "The Government has committed to the most ambitious programme for animal welfare in a "
        "generation.",
        "The Animal Welfare (Sentience) Act 2022 requires ministers to consider animal welfare "
        "when making policy.",
    ),
    review=("its animal welfare strategy",),
    stakeholders="vets, farmers, enforcement bodies and animal welfare organisations",
)

TRANSPORT = Area(
    topic="transport",
    departments=("DfT",),
    asks=(
        "Bring {x} back into public ownership",
        "Cap bus fares at £2 for every journey in England",
        "Make {y} mandatory for all new drivers",
        "Reduce the speed limit to 20mph in all residential areas",
        "Require an eyesight test every 10 years for drivers over 70",
        "Reopen the railway line between our towns",
        "Fund the repair of every pothole within 28 days of reporting",
    ),
    fills=("the railways", "local bus services", "the rail franchises"),
    more_fills=("a minimum learning period", "graduated licensing", "motorway driving lessons"),
    problems=(
        Tied(
            ("bus", "rail", "public ownership", "railway"),
            "Public transport is too expensive and too unreliable for many people.",
        ),
        Tied(
            ("pothole",),
            "Our roads are in a worse state than ever.",
        ),
        Tied(
            ("bus", "rail", "public ownership", "railway"),
            "Rural communities are being cut off by poor transport links.",
        ),
        Tied(
            ("speed", "driver"),
            "Too many people are killed or seriously injured on our roads.",
        ),
        "Transport is failing the people who depend on it every day.",
    ),
    details=(
        Tied(
            ("new drivers",),
            "Young drivers are involved in a disproportionate number of serious collisions.",
        ),
        Tied(
            ("bus", "rail", "public ownership", "railway"),
            "Many people cannot get to work, school or hospital without a car.",
        ),
        Tied(
            ("fare", "rail", "bus"),
            "Fares have risen much faster than wages over the past decade.",
        ),
        Tied(
            ("pothole",),
            "Local councils do not have the budgets to keep up with repairs.",
        ),
        "Campaigners have raised this with successive governments for years.",
    ),
    policy=(
        Tied(
            ("pothole",),
            "The Government has allocated additional highways maintenance funding to local "
            "authorities in England.",
        ),
        Tied(
            ("rail",),
            "Great British Railways will bring track and train together under a single body.",
        ),
        Tied(
            ("speed", "driver"),
            "The Department keeps road safety policy under review, informed by the latest casualty"
            " statistics.",
        ),
        "The Department keeps transport policy under review and works closely with local transport"
        " authorities.",
    ),
    review=(
        Tied(
            ("speed", "driver"),
            "its new road safety strategy",
        ),
        "its integrated national transport strategy",
    ),
    stakeholders="passengers, operators, local authorities and road safety groups",
)

ENERGY = Area(
    topic="energy",
    departments=("DESNZ",),
    asks=(
        "Remove VAT from {x} for households",
        "Introduce a social tariff for energy bills",
        "Ban energy companies from installing prepayment meters by force",
        "Fund free insulation for every home in fuel poverty",
        "Scrap standing charges on household energy bills",
        "Require solar panels on all new warehouses and car parks",
    ),
    fills=("energy bills", "heat pumps", "home insulation", "solar panels", "home batteries"),
    problems=(
        "Energy bills remain far higher than they were a few years ago.",
        "Millions of households are living in fuel poverty.",
        Tied(
            ("insulation", "heat pumps", "home ", "fuel poverty", "solar"),
            "Homes in the UK are some of the least energy efficient in Europe.",
        ),
    ),
    details=(
        Tied(
            ("bills", "tariff", "prepayment", "standing charge"),
            "Standing charges hit low-energy users and people on low incomes hardest.",
        ),
        Tied(
            ("insulation", "fuel poverty"),
            "Insulating homes would cut bills and carbon emissions at the same time.",
        ),
        Tied(
            ("bills", "tariff", "prepayment", "standing charge", "fuel poverty"),
            "People with medical conditions cannot afford to switch off their heating.",
        ),
        "Households across the country would feel the difference straight away.",
    ),
    policy=(
        Tied(
            ("bills", "tariff", "prepayment", "standing charge"),
            "Ofgem sets the energy price cap, which protects households on default tariffs.",
        ),
        Tied(
            ("insulation", "heat pumps", "home ", "fuel poverty"),
            "The Warm Homes Plan will support households to install insulation and low-carbon "
            "heating.",
        ),
        Tied(
            ("bills", "tariff", "prepayment", "standing charge", "fuel poverty"),
            "Eligible households receive help with their bills through the Warm Home Discount.",
        ),
        "The Government is committed to bringing down energy bills for good through clean power.",
    ),
    review=(
        Tied(
            ("insulation", "heat pumps", "home ", "fuel poverty"),
            "the Warm Homes Plan",
        ),
        "its plans to bring down energy bills",
    ),
    stakeholders="Ofgem, energy suppliers, consumer groups and charities",
)

ECONOMY = Area(
    topic="economy",
    departments=("HMT",),
    asks=(
        "Remove VAT from {x}",
        "Raise the personal allowance for Income Tax to £20,000",
        "Scrap inheritance tax on family homes",
        "Introduce a wealth tax on assets over £10 million",
        "Abolish business rates for small high street shops",
        "Cut fuel duty by 10p a litre",
        "Extend the Tax-Free Childcare scheme to all working parents",
    ),
    fills=(
        "sun cream",
        "children's car seats",
        "period products for all ages",
        "school uniforms",
        "gym memberships",
        "e-bikes",
        "sanitary and incontinence products",
    ),
    problems=(
        "Families and small businesses are struggling with the cost of living.",
        "The tax system is unfair and hits ordinary people hardest.",
        Tied(
            ("business rates", "high street"),
            "Our high streets are dying and small firms cannot compete.",
        ),
    ),
    details=(
        Tied(
            ("vat",),
            "These are essential items, not luxuries.",
        ),
        "The measure would pay for itself through higher spending elsewhere in the economy.",
        "Other countries have already made this change.",
        Tied(
            ("income tax",),
            "Inflation has pushed more and more people into higher tax bands.",
        ),
    ),
    policy=(
        "The Government keeps all taxes under review as part of the Budget process, taking into "
        "account the public finances.",
        Tied(
            ("vat",),
            "VAT is the third largest source of tax revenue and helps fund public services.",
        ),
        "The Chancellor makes decisions on tax policy at fiscal events.",
    ),
    review=("the Budget process",),
    stakeholders="businesses, representative bodies and taxpayers",
)

CULTURE = Area(
    topic="culture-media-sport",
    departments=("DCMS",),
    asks=(
        "Abolish the BBC licence fee and replace it with a subscription",
        "Make {x} free to watch on terrestrial television",
        "Create an independent football regulator with real powers",
        "Ban gambling adverts from football shirts",
        "Fund every public library so that none has to close",
        "Cap the resale price of concert and festival tickets",
    ),
    fills=("England football matches", "the Six Nations", "the Ashes", "Wimbledon"),
    problems=(
        "Culture and sport belong to everyone, not just those who can afford them.",
        Tied(
            ("ticket", "watch", "football"),
            "Fans are being priced out of the events they love.",
        ),
        Tied(
            ("librar",),
            "Local libraries and arts venues are closing across the country.",
        ),
    ),
    details=(
        Tied(
            ("ticket",),
            "Ticket touts make huge profits at the expense of genuine fans.",
        ),
        Tied(
            ("librar",),
            "Libraries are a lifeline for people without internet access at home.",
        ),
        Tied(
            ("terrestrial", "watch"),
            "Children should be able to watch national sporting events with their families.",
        ),
        "Supporters and campaigners have called for this for many years.",
    ),
    policy=(
        Tied(
            ("librar",),
            "The Government supports arts and culture through Arts Council England and the "
            "national lottery distributors.",
        ),
        Tied(
            ("terrestrial", "watch"),
            "The listed events regime ensures that events of national interest are available to "
            "watch free-to-air.",
        ),
        "The Department keeps its policies on culture, media and sport under regular review.",
    ),
    review=(
        Tied(
            ("terrestrial", "watch"),
            "its review of the listed events regime",
        ),
        "its review of culture, media and sport policy",
    ),
    stakeholders="broadcasters, sporting bodies, fans' groups and the creative industries",
)

TECHNOLOGY = Area(
    topic="technology",
    departments=("SIT",),
    asks=(
        "Ban smartphones for children under 16",
        "Ban social media accounts for children under 16",
        "Make {x} subject to independent safety testing",
        "Require social media companies to verify the age of every user",
        "Give everyone the right to switch off from work emails",
        "Guarantee full-fibre broadband for every rural village",
    ),
    fills=("AI chatbots", "recommendation algorithms", "smart home devices", "AI models"),
    problems=(
        "Technology is changing faster than the law can keep up.",
        Tied(
            _ONLINE,
            "Children are being exposed to harmful content online every day.",
        ),
        Tied(
            ("broadband",),
            "Rural communities are being left behind without decent connections.",
        ),
    ),
    details=(
        Tied(
            ("smartphone", "social media"),
            "Teachers and parents report that phones are harming concentration and sleep.",
        ),
        Tied(
            _ONLINE,
            "Tech companies have shown that they will not regulate themselves.",
        ),
        Tied(
            ("broadband",),
            "Many rural homes still cannot get a reliable connection.",
        ),
        "Experts have warned that the risks will grow without action.",
    ),
    policy=(
        Tied(
            _ONLINE,
            "The Online Safety Act 2023 places new duties on platforms to protect children from "
            "harmful content.",
        ),
        Tied(
            _ONLINE,
            "Ofcom is implementing the online safety regime and has set out codes of practice.",
        ),
        Tied(
            ("broadband",),
            "Project Gigabit is bringing gigabit-capable broadband to hard-to-reach areas.",
        ),
        "The Department keeps the regulation of new technology under review as it develops.",
    ),
    review=(
        Tied(
            _ONLINE,
            "the implementation of the Online Safety Act",
        ),
        "its digital strategy",
    ),
    stakeholders="Ofcom, industry, parents and children's charities",
)

AREAS = (ENVIRONMENT, ANIMALS, TRANSPORT, ENERGY, ECONOMY, CULTURE, TECHNOLOGY)
