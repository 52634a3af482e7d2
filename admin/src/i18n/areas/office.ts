// Texts for front desk, dashboard, administration and outbox, kept apart from the shell's catalog so each area can grow on its own.
// Keys are prefixed by area; nn and en must have exactly the keys of nb (a type error otherwise).

export const officeNb = {};

export const officeNn: typeof officeNb = {};

export const officeEn: typeof officeNb = {};
