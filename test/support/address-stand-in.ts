// A local stand-in for Kartverket's address API (`/adresser/v1/sok`), on 127.0.0.1 and a free
// port: the tests never reach the real service. `mode` makes it fail the ways a service can.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type StandInMode = 'ok' | 'hang' | 'error' | 'bad-json';

export interface AddressStandIn {
  /** The base URL to configure, e.g. http://127.0.0.1:41234/adresser/v1 */
  baseUrl: string;
  mode: StandInMode;
  /** Every query string it was asked, newest last. */
  requests: URLSearchParams[];
  close(): Promise<void>;
}

interface Address {
  adressetekst: string;
  postnummer: string;
  poststed: string;
  kommunenummer: string;
  representasjonspunkt?: { epsg: string; lat: number; lon: number };
}

const point = (lat: number, lon: number) => ({ epsg: 'EPSG:4258', lat, lon });

/** Kartverket-shaped addresses: two in Porsgrunn, one in Skien (another municipality), one without a point. */
export const STAND_IN_ADDRESSES: Address[] = [
  {
    adressetekst: 'Storgata 12',
    postnummer: '3915',
    poststed: 'PORSGRUNN',
    kommunenummer: '4001',
    representasjonspunkt: point(59.140234, 9.656113),
  },
  {
    adressetekst: 'Storgata 130',
    postnummer: '3915',
    poststed: 'PORSGRUNN',
    kommunenummer: '4001',
    representasjonspunkt: point(59.146811, 9.650777),
  },
  {
    adressetekst: 'Storgata 5',
    postnummer: '3706',
    poststed: 'SKIEN',
    kommunenummer: '4003',
    representasjonspunkt: point(59.208, 9.609),
  },
  { adressetekst: 'Storgata 99', postnummer: '3915', poststed: 'PORSGRUNN', kommunenummer: '4001' },
];

function answer(standIn: AddressStandIn, req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://stand-in');
  if (url.pathname !== '/adresser/v1/sok') {
    res.writeHead(404).end();
    return;
  }
  standIn.requests.push(url.searchParams);
  if (standIn.mode === 'hang') return; // never answers
  if (standIn.mode === 'error') {
    res.writeHead(500, { 'content-type': 'application/json' }).end('{"message":"internal"}');
    return;
  }
  if (standIn.mode === 'bad-json') {
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"adresser": [');
    return;
  }
  const q = (url.searchParams.get('sok') ?? '').toLowerCase();
  const size = Number(url.searchParams.get('treffPerSide') ?? 10);
  const adresser = STAND_IN_ADDRESSES.filter((a) => a.adressetekst.toLowerCase().startsWith(q)).slice(
    0,
    size,
  );
  res.writeHead(200, { 'content-type': 'application/json' }).end(
    JSON.stringify({
      metadata: { side: 0, treffPerSide: size, totaltAntallTreff: adresser.length, sokeStreng: url.search },
      adresser,
    }),
  );
}

export async function startAddressStandIn(): Promise<AddressStandIn> {
  const server = createServer((req, res) => answer(standIn, req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const standIn: AddressStandIn = {
    baseUrl: `http://127.0.0.1:${port}/adresser/v1`,
    mode: 'ok',
    requests: [],
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
  return standIn;
}
