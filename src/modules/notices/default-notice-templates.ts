// The wording every municipality starts with, per notice type, in bokmål, nynorsk and English.
// Each carries the advice residents must be given (drikkevannsforskriften): fill water before a
// shut-off, run the cold tap after, how to boil and for what, and that a boil-water advice lasts
// until it is lifted by a new message. Municipalities edit their own copy (notice_templates);
// the boiling time in particular differs between sources, so it is theirs to change.
// Placeholders, filled when a notice is made from a template: {area} {start} {end}.
import type { LocalizedText } from '../../shared/language.ts';
import type { NoticeType } from './schema.ts';

export interface NoticeTemplateText {
  title: Required<LocalizedText>;
  body: Required<LocalizedText>;
}

export const NOTICE_TEMPLATE_PLACEHOLDERS = ['area', 'start', 'end'] as const;

export const DEFAULT_NOTICE_TEMPLATES: Record<NoticeType, NoticeTemplateText> = {
  planned_shutoff: {
    title: {
      nb: 'Planlagt vannstans: {area}',
      nn: 'Planlagd vasstans: {area}',
      en: 'Planned water shut-off: {area}',
    },
    body: {
      nb: 'Vannet blir stengt i {area} fra {start} til {end} på grunn av arbeid på ledningsnettet.\n\nFyll vann på kanner og flasker før stengingen, og la være å bruke vaskemaskin og oppvaskmaskin mens vannet er borte.\n\nNår vannet kommer tilbake: la kaldtvannet renne til det er klart. Misfarget vann etter arbeidet er ufarlig.',
      nn: 'Vatnet blir stengt i {area} frå {start} til {end} på grunn av arbeid på leidningsnettet.\n\nFyll vatn på kanner og flasker før stenginga, og lat vere å bruke vaskemaskin og oppvaskmaskin medan vatnet er borte.\n\nNår vatnet kjem tilbake: lat kaldtvatnet renne til det er klart. Misfarga vatn etter arbeidet er ufarleg.',
      en: 'The water will be shut off in {area} from {start} to {end} because of work on the mains.\n\nFill jugs and bottles with water before the shut-off, and do not use washing machines or dishwashers while the water is off.\n\nWhen the water returns, run the cold tap until it is clear. Discoloured water after the work is harmless.',
    },
  },
  unplanned_shutoff: {
    title: {
      nb: 'Vannlekkasje og vannstans: {area}',
      nn: 'Vasslekkasje og vasstans: {area}',
      en: 'Water leak and shut-off: {area}',
    },
    body: {
      nb: 'På grunn av en lekkasje er vannet stengt i {area} fra {start}. Vi regner med at vannet er tilbake {end}.\n\nNår vannet kommer tilbake: la kaldtvannet renne til det er klart. Misfarget vann etter arbeidet er ufarlig. Vi gir beskjed om noe endrer seg.',
      nn: 'På grunn av ein lekkasje er vatnet stengt i {area} frå {start}. Vi reknar med at vatnet er tilbake {end}.\n\nNår vatnet kjem tilbake: lat kaldtvatnet renne til det er klart. Misfarga vatn etter arbeidet er ufarleg. Vi gir beskjed om noko endrar seg.',
      en: 'Because of a leak, the water is shut off in {area} from {start}. We expect the water back {end}.\n\nWhen the water returns, run the cold tap until it is clear. Discoloured water after the work is harmless. We will let you know if anything changes.',
    },
  },
  flushing: {
    title: {
      nb: 'Spyling av vannledninger: {area}',
      nn: 'Spyling av vassleidningar: {area}',
      en: 'Flushing of water mains: {area}',
    },
    body: {
      nb: 'Vi spyler vannledningene i {area} fra {start} til {end}.\n\nVannet kan bli brunt eller misfarget og trykket lavere i perioden. Misfarget vann er ufarlig. La kaldtvannet renne til det er klart, og vent med å vaske hvitt tøy.',
      nn: 'Vi spyler vassleidningane i {area} frå {start} til {end}.\n\nVatnet kan bli brunt eller misfarga og trykket lågare i perioden. Misfarga vatn er ufarleg. Lat kaldtvatnet renne til det er klart, og vent med å vaske kvite klede.',
      en: 'We are flushing the water mains in {area} from {start} to {end}.\n\nThe water may turn brown or discoloured and the pressure may drop during this time. Discoloured water is harmless. Run the cold tap until the water is clear, and wait before washing white laundry.',
    },
  },
  boil_water: {
    title: {
      nb: 'Kokevarsel: {area}',
      nn: 'Kokevarsel: {area}',
      en: 'Boil-water advice: {area}',
    },
    body: {
      nb: 'Fra {start} må drikkevannet i {area} kokes før bruk, fordi vi mistenker at det kan være forurenset. Vi tar prøver og gir ny beskjed når varselet oppheves.\n\nKok opp vannet til det bobler kraftig (et kraftig oppkok). Dette gjelder vann til drikke, matlaging, skylling av frukt og grønnsaker, tannpuss, isbiter og til dyr. Vann til dusj, toalett og klesvask trenger ikke kokes.\n\nVarselet gjelder til det er opphevet.',
      nn: 'Frå {start} må drikkevatnet i {area} kokast før bruk, fordi vi mistenkjer at det kan vere ureina. Vi tek prøver og gir ny beskjed når varselet blir oppheva.\n\nKok opp vatnet til det bobler kraftig (eit kraftig oppkok). Dette gjeld vatn til drikke, matlaging, skylling av frukt og grønsaker, tannpuss, isbitar og til dyr. Vatn til dusj, toalett og klesvask treng ikkje kokast.\n\nVarselet gjeld til det er oppheva.',
      en: 'From {start}, drinking water in {area} must be boiled before use, because we suspect it may be contaminated. We are taking samples and will tell you when the advice is lifted.\n\nBring the water to a rolling boil. This applies to water for drinking, cooking, rinsing fruit and vegetables, brushing teeth, ice cubes and animals. Water for showers, toilets and laundry need not be boiled.\n\nThe advice applies until it is lifted.',
    },
  },
  boil_water_lifted: {
    title: {
      nb: 'Kokevarselet er opphevet: {area}',
      nn: 'Kokevarselet er oppheva: {area}',
      en: 'Boil-water advice lifted: {area}',
    },
    body: {
      nb: 'Prøvene viser at vannet i {area} er trygt å drikke. Kokevarselet er opphevet fra {start}.\n\nLa alle kraner renne med kaldt vann i noen minutter før du bruker vannet igjen. Kast isbiter og vann som er laget mens varselet gjaldt.',
      nn: 'Prøvene viser at vatnet i {area} er trygt å drikke. Kokevarselet er oppheva frå {start}.\n\nLat alle kranar renne med kaldt vatn i nokre minutt før du brukar vatnet igjen. Kast isbitar og vatn som er laga medan varselet galdt.',
      en: 'Samples show that the water in {area} is safe to drink. The boil-water advice is lifted from {start}.\n\nRun every tap with cold water for a few minutes before using the water again. Throw away ice cubes and water stored while the advice applied.',
    },
  },
  roadworks: {
    title: {
      nb: 'Gravearbeid: {area}',
      nn: 'Gravearbeid: {area}',
      en: 'Roadworks: {area}',
    },
    body: {
      nb: 'Vi graver i {area} fra {start} til {end}. Følg skiltingen; framkommeligheten kan være redusert.',
      nn: 'Vi grev i {area} frå {start} til {end}. Følg skiltinga; framkomsten kan vere redusert.',
      en: 'We are digging in {area} from {start} to {end}. Follow the signs; access may be limited.',
    },
  },
  other: {
    title: {
      nb: 'Driftsmelding: {area}',
      nn: 'Driftsmelding: {area}',
      en: 'Service notice: {area}',
    },
    body: {
      nb: 'Gjelder {area} fra {start} til {end}.',
      nn: 'Gjeld {area} frå {start} til {end}.',
      en: 'Applies to {area} from {start} to {end}.',
    },
  },
};
