import type { PermanenceSaisie } from '../../../domaine/permanences'

/**
 * Un document Payload de la collection « permanences » vers la forme qu'attend
 * le module de domaine (domaine/permanences). Les champs portent les mêmes noms ;
 * seuls changent le créneau (liste de choix + heures) et les valeurs vides.
 */
type CreneauDoc = { moment?: string | null; debut?: string | null; fin?: string | null } | null | undefined
type Ref = number | string | { id: number | string } | null | undefined

const id = (r: Ref) => (r && typeof r === 'object' ? r.id : r)
const sansVides = <T extends Record<string, unknown>>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined && v !== '')) as Partial<T>

function creneau(c: CreneauDoc) {
  if (!c?.moment) return undefined
  if (c.moment === 'horaires') return { debut: c.debut ?? '', fin: c.fin ?? '' }
  return c.moment
}

export type DocumentPermanence = {
  id?: number | string
  site?: Ref
  poste?: Ref
  creneau?: CreneauDoc
  recurrence?: Record<string, unknown> | null
  dateDebut?: string | null
  dateFin?: string | null
  joursFeriesMaintenus?: boolean | null
  exceptions?: (Record<string, unknown> & { site?: Ref; creneau?: CreneauDoc })[] | null
  updatedAt?: string | null
}

export function permanenceDepuisDocument(doc: DocumentPermanence): PermanenceSaisie {
  return sansVides({
    id: doc.id,
    site: id(doc.site),
    poste: id(doc.poste),
    creneau: creneau(doc.creneau),
    recurrence: sansVides({ ...(doc.recurrence ?? {}) }),
    dateDebut: doc.dateDebut,
    dateFin: doc.dateFin,
    joursFeriesMaintenus: doc.joursFeriesMaintenus ?? false,
    exceptions: (doc.exceptions ?? []).map(({ id: _id, site, creneau: c, ...reste }) =>
      sansVides({ ...reste, site: id(site), creneau: creneau(c) }),
    ),
    updatedAt: doc.updatedAt,
  }) as unknown as PermanenceSaisie
}

/** Sens inverse, pour l'amorçage : une permanence du domaine vers les champs de la collection. */
export function documentDepuisPermanence(
  p: import('../../../domaine/permanences').Permanence,
  ids: { site: number | string; poste: number | string },
) {
  const creneauDoc = (c: typeof p.creneau) =>
    c ? (c.moment ? { moment: c.moment } : { moment: 'horaires', debut: c.debut, fin: c.fin }) : undefined
  const r = p.recurrence as Record<string, unknown>
  return {
    site: ids.site,
    poste: ids.poste,
    creneau: creneauDoc(p.creneau),
    recurrence: {
      ...r,
      rang: r.rang === undefined ? undefined : String(r.rang),
      rangs: Array.isArray(r.rangs) ? r.rangs.map(String) : undefined,
    },
    dateDebut: p.dateDebut,
    dateFin: p.dateFin,
    joursFeriesMaintenus: p.joursFeriesMaintenus,
  }
}
