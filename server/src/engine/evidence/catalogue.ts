/**
 * The catalogue of well-known services (services/catalogue.ts, data) as an evidence source: a write to a
 * catalogued service is evidence that the server versions the resource (`versioned`), or that no update is lost
 * silently there (`enforced` services refuse a write that does not name the current version → `unversioned`).
 * A service named by the shape of its path alone is a guess, so its evidence is tentative (see types.ts).
 */
import { hostOf } from '../model/target';
import { SERVICES, type KnownService } from '../services/catalogue';
import { recognisedByPathAlone, serviceOf } from '../services/recognise';
import type { Evidence, EvidenceSource, WriteTarget } from './types';

export function catalogueSource(services: readonly KnownService[] = SERVICES): EvidenceSource {
  return {
    name: 'catalogue',
    lookup(target: WriteTarget): Evidence[] {
      const url = `${target.origin}${target.path}`;
      const host = hostOf(url);
      const known = serviceOf({ url, host }, services);
      if (!known) return [];
      const evidence: Evidence = {
        kind: 'catalogue',
        verdict: known.versioning === 'versioned' ? 'versioned' : 'unversioned',
        sentence: `${known.name} ${known.why}`,
        document: known.docs,
      };
      return [recognisedByPathAlone(known, url, host) ? { ...evidence, tentative: true } : evidence];
    },
  };
}
