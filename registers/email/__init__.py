"""Email pages: each person's choice of how they are sent emails for their information, and
democratic services' list of emails that could not be delivered."""
