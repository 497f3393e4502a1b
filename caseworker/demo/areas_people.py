"""Word lists for public-service areas: schools, health, benefits, housing, justice, democracy."""

from __future__ import annotations

from caseworker.demo.areas import Area, Tied

EDUCATION = Area(
    topic="education",
    departments=("DfE",),
    asks=(
        "Make {x} a compulsory part of the national curriculum",
        "Fund {x} lessons in every state secondary school",
        "Require every school to teach {x} from the age of 11",
        "Cap the cost of school uniform at £75 per child",
        "Extend free school meals to every primary school child in England",
        "Reduce the maximum class size in primary schools to 25 pupils",
        "Fully fund support for pupils with special educational needs",
        "Allow up to 10 days of term-time leave without a fine",
        "Scrap Key Stage 2 SATs for primary school pupils",
        "Give teaching assistants a national pay scale",
    ),
    fills=(
        "first aid",
        "mental health awareness",
        "financial literacy",
        "British Sign Language",
        "climate education",
        "cooking and nutrition",
        "online safety",
        "water safety",
        "CPR training",
        "political literacy",
    ),
    problems=(
        "Schools are under growing pressure and families are feeling the strain.",
        Tied(
            ("curriculum", "lessons", "teach", "sats"),
            "Too many children leave school without the practical skills they need for life.",
        ),
        "Parents and teachers have raised this issue for years without real change.",
        "Pupils in some areas get far less support than pupils elsewhere.",
    ),
    details=(
        "Teachers tell us they want to do more but lack the time and resources.",
        "Several other countries already do this and have seen clear benefits.",
        Tied(
            ("uniform", "meals", "term-time"),
            "Families on low incomes are hit hardest by the current arrangements.",
        ),
        Tied(
            ("special educational", "meals"),
            "Local authorities cannot meet demand from their existing budgets.",
        ),
        "This would give every child the same chance, wherever they live.",
    ),
    policy=(
        Tied(
            ("curriculum", "lessons", "teach", "sats"),
            "The national curriculum sets out the subjects and content that maintained schools "
            "must teach, and schools have freedom to go further to meet the needs of their pupils.",
        ),
        Tied(
            ("curriculum", "lessons", "teach", "sats"),
            "The independent Curriculum and Assessment Review is considering the content of the "
            "curriculum and will publish its final report and recommendations.",
        ),
        "The Department has increased core schools funding and continues to work with schools and "
        "local authorities on how that funding is best targeted.",
        Tied(
            ("special educational", "class size"),
            "Statutory guidance requires schools to have regard to the needs of every pupil, "
            "including those with special educational needs and disabilities.",
        ),
    ),
    review=(
        Tied(
            ("curriculum", "lessons", "teach", "sats"),
            "the Curriculum and Assessment Review",
        ),
        "its plans for schools",
    ),
    stakeholders="teachers, school leaders, parents and local authorities",
)

HEALTH = Area(
    topic="health",
    departments=("DHSC",),
    asks=(
        "Fund {x} services in every NHS trust in England",
        "Guarantee access to {x} within 18 weeks",
        "Make {x} free on the NHS for everyone who needs it",
        "Scrap hospital car parking charges for patients and visitors",
        "Introduce a minimum wage of £15 an hour for care workers",
        "Require a registered nurse on every shift in every care home",
        "Stop the closure of local walk-in centres and GP surgeries",
        "Introduce routine screening for prostate cancer",
    ),
    fills=(
        "dental care",
        "ADHD assessment",
        "autism diagnosis",
        "physiotherapy",
        "menopause care",
        "eating disorder treatment",
        "IVF",
        "hearing aids",
        "long Covid care",
        "speech and language therapy",
    ),
    problems=(
        "Waiting lists have grown and patients are waiting far too long for care.",
        "Many people cannot get the treatment they need in their own area.",
        "Health and care staff are stretched to breaking point.",
        "Access to this care depends on where you live, which is unfair.",
    ),
    details=(
        "Early treatment saves money for the NHS in the long run.",
        "Patients are being forced to pay privately or go without.",
        "Carers and families are left to fill the gaps in services.",
        "Staff shortages mean services are closing or cutting their hours.",
        "The current system is confusing and people fall through the cracks.",
    ),
    policy=(
        "Integrated care boards are responsible for commissioning services to meet the needs of "
        "their local populations, in line with national guidance.",
        "The Government's plan for the NHS sets out how waiting times will be reduced and how care"
        " will be moved closer to people's homes.",
        "NHS England keeps clinical pathways under review, drawing on advice from the National "
        "Institute for Health and Care Excellence.",
    ),
    review=("the 10 Year Health Plan",),
    stakeholders="NHS England, clinicians, patient groups and the care sector",
)

WELFARE = Area(
    topic="welfare",
    departments=("DWP",),
    asks=(
        "Increase {x} in line with the cost of living",
        "Scrap the two-child limit on Universal Credit",
        "Restore the Winter Fuel Payment to all pensioners",
        "End the five-week wait for a first Universal Credit payment",
        "Compensate women born in the 1950s for State Pension age changes",
        "Stop reassessments for people with lifelong conditions",
        "Raise the earnings limit for Carer's Allowance",
    ),
    fills=(
        "Carer's Allowance",
        "the State Pension",
        "Statutory Sick Pay",
        "Personal Independence Payment",
        "the Universal Credit standard allowance",
    ),
    problems=(
        "Many households are struggling to afford the basics.",
        "The benefits system is not keeping pace with rising prices.",
        "Disabled people and carers tell us they feel forgotten.",
        Tied(
            ("pension", "winter fuel", "1950s"),
            "Pensioners on modest incomes are falling into hardship.",
        ),
    ),
    details=(
        "Food bank use has risen sharply in recent years.",
        "People are having to choose between heating and eating.",
        Tied(
            ("carer",),
            "Unpaid carers save the state billions of pounds every year.",
        ),
        "The rules are complicated and many people miss out on help they are due.",
    ),
    policy=(
        "Benefit rates are reviewed every year, and most working-age benefits are uprated in line "
        "with inflation.",
        "The Department is reviewing how the welfare system supports disabled people and carers, "
        "and will set out its plans following consultation.",
        "Households can get help through the Household Support Fund, administered by local "
        "councils.",
    ),
    review=(
        Tied(
            ("reassessment", "sick pay", "personal independence"),
            "the Pathways to Work programme",
        ),
        "its review of the welfare system",
    ),
    stakeholders="disabled people, carers, charities and employers",
)

HOUSING = Area(
    topic="housing",
    departments=("MHCLG",),
    asks=(
        "Ban {x} in the private rented sector",
        "Build 100,000 new social homes every year",
        "Abolish leasehold for all new flats and houses",
        "Require all new homes to have solar panels fitted",
        "Cap annual rent increases at the rate of inflation",
        "Stop development on greenbelt land around towns and villages",
        "Give councils the power to charge more on second homes",
    ),
    fills=(
        "no-fault evictions",
        "rental bidding wars",
        "blanket bans on tenants with pets",
        "upfront rent demands of more than one month",
    ),
    problems=(
        "Housing has become unaffordable for a whole generation.",
        Tied(
            ("rent", "evictions", "tenants", "bidding"),
            "Renters have too little security in their own homes.",
        ),
        Tied(
            ("greenbelt", "build", "solar"),
            "New developments are going ahead without the infrastructure to support them.",
        ),
        Tied(
            ("social homes", "evictions", "rent"),
            "Too many families are stuck in temporary accommodation.",
        ),
    ),
    details=(
        Tied(
            ("rent", "evictions", "tenants", "bidding"),
            "Rents have risen much faster than wages in most parts of the country.",
        ),
        Tied(
            ("rent", "evictions", "tenants", "bidding"),
            "Young people cannot save for a deposit while paying high rents.",
        ),
        Tied(
            ("greenbelt", "build", "solar"),
            "Local services such as GPs and schools are already full.",
        ),
        Tied(
            ("social homes", "evictions"),
            "Councils spend millions on temporary accommodation every year.",
        ),
        "Campaigners have raised this with successive governments.",
    ),
    policy=(
        Tied(
            ("social homes", "build"),
            "The Government has committed to the biggest increase in social and affordable "
            "housebuilding in a generation.",
        ),
        Tied(
            ("rent", "evictions", "tenants", "bidding"),
            "The Renters' Rights legislation gives tenants greater security and stronger rights.",
        ),
        Tied(
            ("greenbelt", "build", "solar", "second homes"),
            "The National Planning Policy Framework sets out how local plans should balance "
            "housing need against protection of the natural environment.",
        ),
        "The Government keeps housing policy under review and works with councils, landlords and "
        "developers to raise standards.",
    ),
    review=(
        Tied(
            ("greenbelt", "build", "solar"),
            "the reforms to the planning system",
        ),
        "its housing reforms",
    ),
    stakeholders="tenants, landlords, councils and housebuilders",
)

JUSTICE = Area(
    topic="justice",
    departments=("HO", "MoJ"),
    asks=(
        "Make {x} a specific criminal offence",
        "Increase the maximum sentence for {x}",
        "Put more police officers back on neighbourhood patrols",
        "Require all police officers to wear body cameras on duty",
        "Make spiking a specific criminal offence with tougher penalties",
        "Give victims of crime a legal right to see their case reviewed",
    ),
    fills=(
        "dangerous cycling causing death",
        "retail worker assault",
        "fly-tipping",
        "catalytic converter theft",
        "hare coursing",
        "stalking",
        "dog theft",
    ),
    problems=(
        "Victims feel the justice system is not on their side.",
        "Communities say crime is going unpunished in their area.",
        Tied(
            ("offence", "sentence"),
            "The current law has not kept up with how this crime is committed.",
        ),
        Tied(
            ("causing death",),
            "Families who have lost loved ones have been let down.",
        ),
    ),
    details=(
        Tied(
            ("sentence",),
            "Sentences are too lenient to act as a deterrent.",
        ),
        Tied(
            ("offence", "sentence"),
            "Police forces record these crimes in different ways, hiding the scale of the problem.",
        ),
        Tied(
            ("offence", "sentence"),
            "Courts have said their hands are tied by the existing law.",
        ),
        Tied(
            ("offence", "sentence"),
            "Other countries have introduced tougher laws with good results.",
        ),
        "Police officers and victims' groups have called for this change.",
    ),
    policy=(
        Tied(
            ("offence", "sentence"),
            "Sentencing in individual cases is a matter for the independent judiciary, within the "
            "framework set by Parliament.",
        ),
        Tied(
            ("police",),
            "The Government is recruiting additional neighbourhood police officers and police "
            "community support officers.",
        ),
        Tied(
            ("sentence",),
            "The Sentencing Council issues guidelines which courts must follow unless it would be "
            "contrary to the interests of justice.",
        ),
        "The Government keeps the criminal law under review and works with the police and the "
        "courts to keep communities safe.",
    ),
    review=(
        Tied(
            ("sentence",),
            "the Independent Sentencing Review",
        ),
        "its Safer Streets mission",
    ),
    stakeholders="the police, victims' groups and the judiciary",
)

DEMOCRACY = Area(
    topic="democracy",
    departments=("CO",),
    asks=(
        "Lower the voting age to 16 in UK general elections",
        "Introduce proportional representation for general elections",
        "Ban MPs from holding paid second jobs",
        "Hold a public inquiry into {x}",
        "Require a by-election when an MP changes party",
        "Allow voters to use any form of photo ID at polling stations",
    ),
    fills=(
        "delays to the infected blood compensation scheme",
        "lobbying by former ministers",
        "the sale of public land",
    ),
    problems=(
        "Trust in politics is at a record low.",
        "Voters feel that their voices are not being heard.",
        Tied(
            ("proportional",),
            "Our democracy should reflect the way people actually vote.",
        ),
    ),
    details=(
        "Many other democracies already do this.",
        "This would improve accountability and restore public trust.",
        Tied(
            ("proportional",),
            "Millions of votes currently make no difference to the result.",
        ),
    ),
    policy=(
        Tied(
            ("vot", "election", "by-election", "photo id", "proportional"),
            "The Government has set out plans to modernise elections and increase participation.",
        ),
        Tied(
            ("lobbying", "ministers"),
            "The Ministerial Code sets out the standards of conduct expected of ministers.",
        ),
        "The Government is committed to restoring trust in politics and keeps these matters under "
        "review.",
    ),
    review=(
        Tied(
            ("vot", "election", "by-election", "photo id", "proportional"),
            "its programme of electoral reform",
        ),
        "its work to restore trust in politics",
    ),
    stakeholders="the Electoral Commission, parliamentarians and civil society groups",
)

AREAS = (EDUCATION, HEALTH, WELFARE, HOUSING, JUSTICE, DEMOCRACY)
