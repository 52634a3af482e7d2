// Texts for the inbox and the case view, kept apart from the shell's catalog so each area can grow on its own.
// Keys are prefixed by area; nn and en must have exactly the keys of nb (a type error otherwise).

export const casesNb = {};

export const casesNn: typeof casesNb = {};

export const casesEn: typeof casesNb = {};
