"""The words the dataset is made of: names, places, services and what members ask about."""


def _listed(text: str) -> tuple[str, ...]:
    return tuple(text.split(", "))


FIRST_NAMES = _listed(
    "Aaron, Abigail, Adam, Aisha, Alan, Alice, Amir, Amy, Andrew, Angela, Anita, Anna, Arjun, "
    "Ben, Beth, Bilal, Carl, Caroline, Chloe, Chris, Claire, Colin, Craig, Daniel, David, "
    "Deborah, Dev, Diane, Dominic, Donna, Eleanor, Elizabeth, Emma, Eric, Ethan, Faisal, "
    "Fatima, Fiona, Frances, Gareth, Gemma, George, Grace, Graham, Hannah, Harry, Hassan, "
    "Heather, Helen, Ian, Imran, Isabel, Jack, Jacob, James, Jane, Jasmine, Jason, Jennifer, "
    "Joanne, John, Jonathan, Joseph, Julie, Karen, Kate, Kevin, Kirsty, Laura, Leah, Lee, "
    "Liam, Linda, Lisa, Louise, Lucy, Luke, Mark, Martin, Mary, Matthew, Megan, Michael, "
    "Mohammed, Natalie, Neil, Nicola, Niamh, Oliver, Owen, Patricia, Paul, Peter, Philip, "
    "Priya, Rachel, Rebecca, Richard, Robert, Ruth, Ryan, Sam, Samina, Sandra, Sarah, Scott, "
    "Sean, Sharon, Simon, Sophie, Stephen, Steven, Stuart, Susan, Tariq, Thomas, Tom, Tracey, "
    "Usman, Victoria, Wendy, William, Yasmin, Zara"
)

SURNAMES = _listed(
    "Adams, Ahmed, Akhtar, Ali, Allen, Anderson, Armstrong, Atkinson, Bailey, Baker, Barker, "
    "Barnes, Begum, Bell, Bennett, Brooks, Brown, Butler, Campbell, Carter, Chapman, Clark, "
    "Clarke, Cole, Collins, Cook, Cooper, Cox, Davies, Davis, Dixon, Edwards, Ellis, Evans, "
    "Fisher, Fletcher, Ford, Foster, Fox, Gibson, Graham, Grant, Gray, Green, Griffiths, "
    "Hall, Harris, Harrison, Hart, Hill, Holmes, Hughes, Hunt, Hussain, Jackson, James, "
    "Jenkins, Johnson, Jones, Kaur, Kelly, Khan, King, Knight, Lee, Lewis, Lloyd, Marshall, "
    "Martin, Mason, Matthews, Miller, Mills, Mitchell, Moore, Morgan, Morris, Murphy, Murray, "
    "Owen, Palmer, Parker, Patel, Pearson, Phillips, Powell, Price, Richards, Richardson, "
    "Roberts, Robinson, Rogers, Rose, Ross, Russell, Saunders, Scott, Shaw, Simpson, Singh, "
    "Smith, Stevens, Stewart, Taylor, Thomas, Thompson, Turner, Walker, Wallace, Ward, "
    "Watson, Webb, Wells, White, Wilkinson, Williams, Wilson, Wood, Wright, Young"
)

STREETS = _listed(
    "Elm Road, Mill Lane, Station Road, Church Street, High Street, Park Avenue, Victoria "
    "Road, Green Lane, Manor Road, Queens Road, Kings Road, New Road, Grange Road, Ashfield "
    "Parade, Orchard Close, Meadow Way, Chapel Street, School Lane, London Road, Bridge "
    "Street"
)

WARD_NAMES = _listed(
    "Abbey, Ashfield, Barton, Beacon, Bridge, Brookside, Castle, Central, Chapelfield, Cherry "
    "Hinton, Coldharbour, Downs, Eastgate, Fairfield, Forest, Gorse Hill, Hamble, Harbour, "
    "Heath, Highfield, Holywell, Kingsmead, Lakeside, Langley, Marsh, Meadowbank, Millbrook, "
    "Moorside, Newtown, Northgate, Oakwood, Old Town, Parkside, Priory, Queensway, Riverside, "
    "Rowan, St Mary's, Southgate, Stanley, Stoneleigh, Thornbury, Tower, Upton, Valley, "
    "Westfield, Whitley, Willows, Woodside"
)

SERVICE_NAMES = _listed(
    "Waste and Recycling, Highways and Transport, Parks and Open Spaces, Planning, Building "
    "Control, Environmental Health, Licensing, Trading Standards, Adult Social Care, "
    "Safeguarding Adults, Commissioning, Children's Social Care, Education and Schools, Early "
    "Help, Special Educational Needs, Youth Services, Finance, Human Resources, Legal and "
    "Democratic Services, Revenues and Benefits, Procurement, Audit, Housing Management, "
    "Homelessness, Housing Repairs, Tenancy Services, Community Safety, Libraries, Economic "
    "Development, Regeneration, Property and Estates, Skills and Employment, Customer "
    "Services, Digital Services, Communications, Registrars, Health Improvement, Sport and "
    "Leisure, Car Parking, Street Cleansing, Cemeteries and Crematoria, Flood Risk, Emergency "
    "Planning, Pest Control, Markets, Culture and Museums, Tourism, Strategic Housing"
)

DIRECTORATES = (
    "Place and Environment",
    "Adults and Health",
    "Children and Families",
    "Resources",
    "Housing and Communities",
    "Growth and Regeneration",
    "Customer and Digital",
    "Public Health",
)

POLITICAL_GROUPS = (
    ("Labour Group", "Lab", 0.42),
    ("Conservative Group", "Con", 0.28),
    ("Liberal Democrat Group", "LD", 0.14),
    ("Green Group", "Green", 0.08),
    ("Independent Group", "Ind", 0.05),
    ("Residents' Association Group", "RA", 0.03),
)

CASEWORK_TOPICS = (
    "Missed bin collection on {street}",
    "Fly-tipping behind {street}",
    "Pothole outside a house on {street}",
    "Street light out on {street}",
    "Damp and mould in a council flat on {street}",
    "Noise complaint from a resident of {street}",
    "Overgrown trees in the park by {street}",
    "Blocked drain on {street}",
    "Parking permit for a resident of {street}",
    "Housing repair outstanding on {street}",
    "Council tax query from a resident of {street}",
    "School transport for a family on {street}",
    "Care package review for a resident of {street}",
    "Abandoned vehicle on {street}",
    "Graffiti on the underpass near {street}",
)

GENERAL_TOPICS = (
    "Recycling rates by ward",
    "The budget for road resurfacing next year",
    "Progress on the local plan",
    "How many families are in temporary accommodation",
    "The council's policy on grass verges",
    "Waiting times for adult social care assessments",
    "The cost of agency staff this year",
    "Plans for the town centre regeneration",
    "Library opening hours after the review",
    "The council's response to the flood review",
)

COMPLAINT_SUMMARIES = (
    "Discourteous reply to a member's enquiry",
    "Comments made about an officer at a public meeting",
    "Information shared without permission",
    "Delay in responding to repeated requests",
    "Inappropriate pressure over a planning matter",
    "Conduct at a site visit",
    "Tone of emails to the service",
    "Complaint about handling of constituent casework",
)

BRIEFING_TOPICS = (
    "The 2027/28 budget",
    "The local plan review",
    "The housing strategy",
    "Waste collection changes",
    "The leisure centre procurement",
    "Children's services improvement plan",
    "Council tax support scheme",
    "Town centre regeneration",
    "Climate emergency action plan",
    "Adult social care charging",
)

DETAILS = (
    "A resident has contacted me about this several times and is still waiting for it to be "
    "put right. Please could you look into it and let me know what will be done and when."
)
RESPONSE = "Thank you for raising this. We have looked into it and the work has been arranged."
HOLDING = "We need a little longer to look into this properly; we will reply by the date below."
EXTENSION_REASON = "The contractor's report is needed before a full response can be given."
