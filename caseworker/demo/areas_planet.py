"""Word lists for the environment, animals, transport, energy, the economy, culture and tech."""

from __future__ import annotations

from caseworker.demo.areas import Area

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
        "Plastic waste is polluting our beaches and harming marine life.",
        "The public want faster action to protect the natural environment.",
    ),
    details=(
        "Only a small fraction of our rivers are in good ecological health.",
        "Councils spend millions each year clearing up litter.",
        "Scientists have warned that delay will make the damage harder to reverse.",
        "Other European countries have already acted on this.",
    ),
    policy=(
        "The Environmental Improvement Plan sets out how the Government will meet its "
        "legally binding targets under the Environment Act 2021.",
        "The Government has introduced tougher penalties for water companies and is "
        "reforming the regulation of the water sector.",
        "Defra works closely with the Environment Agency and Natural England to monitor "
        "and enforce environmental protections.",
    ),
    review="its review of the Environmental Improvement Plan",
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
        "The Animal Welfare Act 2006 makes it an offence to cause unnecessary suffering to "
        "any animal.",
        "The Government has committed to the most ambitious programme for animal welfare "
        "in a generation.",
        "The Animal Welfare (Sentience) Act 2022 requires ministers to consider animal "
        "welfare when making policy.",
    ),
    review="its animal welfare strategy",
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
        "Public transport is too expensive and too unreliable for many people.",
        "Our roads are in a worse state than ever.",
        "Rural communities are being cut off by poor transport links.",
        "Too many people are killed or seriously injured on our roads.",
    ),
    details=(
        "Young drivers are involved in a disproportionate number of serious collisions.",
        "Many people cannot get to work, school or hospital without a car.",
        "Fares have risen much faster than wages over the past decade.",
        "Local councils do not have the budgets to keep up with repairs.",
    ),
    policy=(
        "The Government has allocated additional highways maintenance funding to local "
        "authorities in England.",
        "Great British Railways will bring track and train together under a single body.",
        "The Department keeps road safety policy under review, informed by the latest "
        "casualty statistics.",
    ),
    review="its new road safety strategy",
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
        "Homes in the UK are some of the least energy efficient in Europe.",
    ),
    details=(
        "Standing charges hit low-energy users and people on low incomes hardest.",
        "Insulating homes would cut bills and carbon emissions at the same time.",
        "People with medical conditions cannot afford to switch off their heating.",
    ),
    policy=(
        "Ofgem sets the energy price cap, which protects households on default tariffs.",
        "The Warm Homes Plan will support households to install insulation and low-carbon heating.",
        "Eligible households receive help with their bills through the Warm Home Discount.",
    ),
    review="the Warm Homes Plan",
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
        "Our high streets are dying and small firms cannot compete.",
    ),
    details=(
        "These are essential items, not luxuries.",
        "The measure would pay for itself through higher spending elsewhere in the economy.",
        "Other countries have already made this change.",
        "Inflation has pushed more and more people into higher tax bands.",
    ),
    policy=(
        "The Government keeps all taxes under review as part of the Budget process, taking "
        "into account the public finances.",
        "VAT is the third largest source of tax revenue and helps fund public services.",
        "The Chancellor makes decisions on tax policy at fiscal events.",
    ),
    review="the Budget process",
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
        "Fans are being priced out of the events they love.",
        "Local libraries and arts venues are closing across the country.",
    ),
    details=(
        "Ticket touts make huge profits at the expense of genuine fans.",
        "Libraries are a lifeline for people without internet access at home.",
        "Children should be able to watch national sporting events with their families.",
    ),
    policy=(
        "The Government supports arts and culture through Arts Council England and the "
        "national lottery distributors.",
        "The listed events regime ensures that events of national interest are available "
        "to watch free-to-air.",
    ),
    review="its review of the listed events regime",
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
        "Children are being exposed to harmful content online every day.",
        "Rural communities are being left behind without decent connections.",
    ),
    details=(
        "Teachers and parents report that phones are harming concentration and sleep.",
        "Tech companies have shown that they will not regulate themselves.",
        "Many rural homes still cannot get a reliable connection.",
    ),
    policy=(
        "The Online Safety Act 2023 places new duties on platforms to protect children "
        "from harmful content.",
        "Ofcom is implementing the online safety regime and has set out codes of practice.",
        "Project Gigabit is bringing gigabit-capable broadband to hard-to-reach areas.",
    ),
    review="the implementation of the Online Safety Act",
    stakeholders="Ofcom, industry, parents and children's charities",
)

AREAS = (ENVIRONMENT, ANIMALS, TRANSPORT, ENERGY, ECONOMY, CULTURE, TECHNOLOGY)
