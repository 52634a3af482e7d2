// Texts for the lists of sessions: one's own on Min konto, a member's under Administrasjon › Brukere.

export const sessionsNb = {
  'sessions.ownTitle': 'Innloggingene dine',
  'sessions.ownHint':
    'Nettlesere og enheter som er logget inn på kontoen din. Feltappen holder seg innlogget i opptil 90 dager: har du mistet telefonen, logger du den ut her.',
  'sessions.userTitle': 'Innlogginger for {name}',
  'sessions.userHint':
    'Nettlesere og enheter som er logget inn på kontoen. Avslutt en innlogging hvis en telefon er mistet eller gitt videre. Det blir loggført.',
  'sessions.none': 'Ingen innlogginger.',
  'sessions.where': 'Enhet',
  'sessions.lastSeen': 'Sist brukt',
  'sessions.expires': 'Utløper',
  'sessions.device': 'Enhet (feltapp)',
  'sessions.browser': 'Nettleser',
  'sessions.since': 'siden {at}',
  'sessions.thisOne': 'denne',
  'sessions.end': 'Logg ut',
  'sessions.endThis': 'Logg ut her',
  'sessions.ending': 'Logger ut …',
  'sessions.ended': '{name} er logget ut.',
  'sessions.endedFor': '{name} for {person} er logget ut.',
  'sessions.confirmEndThis': 'Logge ut i denne nettleseren?',
  'sessions.show': 'Innlogginger',
  'sessions.close': 'Lukk',
};

export const sessionsNn: Record<keyof typeof sessionsNb, string> = {
  'sessions.ownTitle': 'Innloggingane dine',
  'sessions.ownHint':
    'Nettlesarar og einingar som er logga inn på kontoen din. Feltappen held seg innlogga i opptil 90 dagar: har du mista telefonen, loggar du han ut her.',
  'sessions.userTitle': 'Innloggingar for {name}',
  'sessions.userHint':
    'Nettlesarar og einingar som er logga inn på kontoen. Avslutt ei innlogging viss ein telefon er mista eller gitt vidare. Det blir loggført.',
  'sessions.none': 'Ingen innloggingar.',
  'sessions.where': 'Eining',
  'sessions.lastSeen': 'Sist brukt',
  'sessions.expires': 'Går ut',
  'sessions.device': 'Eining (feltapp)',
  'sessions.browser': 'Nettlesar',
  'sessions.since': 'sidan {at}',
  'sessions.thisOne': 'denne',
  'sessions.end': 'Logg ut',
  'sessions.endThis': 'Logg ut her',
  'sessions.ending': 'Loggar ut …',
  'sessions.ended': '{name} er logga ut.',
  'sessions.endedFor': '{name} for {person} er logga ut.',
  'sessions.confirmEndThis': 'Logge ut i denne nettlesaren?',
  'sessions.show': 'Innloggingar',
  'sessions.close': 'Lukk',
};

export const sessionsEn: Record<keyof typeof sessionsNb, string> = {
  'sessions.ownTitle': 'Where you are logged in',
  'sessions.ownHint':
    'Browsers and devices logged in to your account. The field app stays logged in for up to 90 days: if you lost your phone, log it out here.',
  'sessions.userTitle': 'Sessions of {name}',
  'sessions.userHint':
    'Browsers and devices logged in to the account. End a session if a phone was lost or handed on. This is audited.',
  'sessions.none': 'No sessions.',
  'sessions.where': 'Device',
  'sessions.lastSeen': 'Last used',
  'sessions.expires': 'Expires',
  'sessions.device': 'Device (field app)',
  'sessions.browser': 'Browser',
  'sessions.since': 'since {at}',
  'sessions.thisOne': 'this one',
  'sessions.end': 'Log out',
  'sessions.endThis': 'Log out here',
  'sessions.ending': 'Logging out …',
  'sessions.ended': '{name} is logged out.',
  'sessions.endedFor': '{name} of {person} is logged out.',
  'sessions.confirmEndThis': 'Log out in this browser?',
  'sessions.show': 'Sessions',
  'sessions.close': 'Close',
};
