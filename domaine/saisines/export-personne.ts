import { z } from 'zod'

import { RETOURS_ARTICLE_4, schemaRetourArticle4 } from './retours'
import { ACCORDS_CONTACT, MODES_SAISINE, NATURES_SAISINE, PROFILS, SEXES, SITUATIONS_FAMILIALES } from './schema'
import { ARTICLES_SIGNALEMENT, DESTINATAIRES_SIGNALEMENT } from './signalements'
import { schemaChangement, STATUTS, statutCourant } from './statuts'
import {
  CONNAISSANCES,
  dureeAccompagnementJours,
  nombreActes,
  schemaChangementOrientation,
  STATUTS_ORIENTATION,
  statutOrientationCourant,
  TYPES_ACTE,
} from './suivi'

/**
 * Droit d'accès (RGPD, art. 15) : la coordination exporte tout ce que le
 * portail détient sur une personne, en JSON (lisible par une machine,
 * versionné, ici) et en PDF (lisible par la personne, en français :
 * export-personne-pdf.ts, importé à part pour que qui lit les saisines ne
 * charge pas pdfkit).
 *
 * Le service retrouve les saisines de la personne (clé pseudonyme), les
 * déchiffre et passe ici un objet déjà en clair ; ce module ne lit ni base ni
 * clé. Pour chaque saisine, il ne reçoit que l'identité de CETTE personne :
 * les autres personnes d'une même saisine (famille) n'ont pas à figurer dans
 * la copie (art. 15 §4 : elle « ne porte pas atteinte aux droits et libertés
 * d'autrui »). Les textes libres sont rendus tels qu'écrits : la coordination
 * les relit avant la remise, pour la même raison.
 *
 * Sont laissés de côté, parce qu'ils ne disent rien de la personne : les
 * identifiants des comptes qui ont agi (« par ») et l'agent qui a saisi, la
 * clé pseudonyme, le poste. L'unité qui a saisi (institution) reste.
 *
 * Le format est versionné (`passerelle/acces-personne/v1`) : un changement de
 * forme en fait un nouveau, l'ancien reste lisible par qui l'a archivé.
 */
export const FORMAT_EXPORT_PERSONNE = 'passerelle/acces-personne/v1'

const cles = <T extends Record<string, unknown>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]]
const jour = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date AAAA-MM-JJ attendue')
const instant = z.iso.datetime()
const id = z.union([z.string().min(1), z.number().int()])
const textePlein = z.string().min(1)

const identite = z.object({
  nom: textePlein,
  prenom: textePlein,
  dateNaissance: jour.optional(),
  age: z.number().int().min(0).optional(),
  sexe: z.enum(cles(SEXES)).optional(),
  situationFamiliale: z.enum(cles(SITUATIONS_FAMILIALES)).optional(),
  /** Code INSEE. */
  commune: z.string().optional(),
  telephone: z.string().optional(),
})

const passageSortie = <S extends z.ZodType>(statut: S) => z.object({ statut, le: instant }).strict()

const saisineSortie = z
  .object({
    id,
    date: jour,
    mode: z.enum(cles(MODES_SAISINE)),
    nature: z.enum(cles(NATURES_SAISINE)).optional(),
    origine: z.string().optional(),
    /** Nom de l'unité qui a saisi (institution, pas une personne). */
    unite: z.string().optional(),
    urgence: z.boolean().optional(),
    profil: z.enum(cles(PROFILS)).optional(),
    problematique: z.string().optional(),
    /** Absente quand les données personnelles ont été effacées (rétention). */
    identite: identite.optional(),
    ditALaPersonne: z.string().optional(),
    accepteContact: z.enum(cles(ACCORDS_CONTACT)).optional(),
    texteLibre: z.string().optional(),
    statut: z.enum(cles(STATUTS)),
    historique: z.array(passageSortie(z.enum(cles(STATUTS)))),
    situationConnue: z
      .object({ connueDuDepartement: z.enum(cles(CONNAISSANCES)), connueDeLaCaf: z.enum(cles(CONNAISSANCES)) })
      .strict()
      .optional(),
    actes: z.array(z.object({ type: z.enum(cles(TYPES_ACTE)), date: jour, texte: z.string().optional() }).strict()),
    orientations: z.array(
      z
        .object({
          /** Nom de la structure de l'annuaire. */
          structure: textePlein,
          service: z.string().optional(),
          date: jour,
          commentaire: z.string().optional(),
          statut: z.enum(cles(STATUTS_ORIENTATION)),
          historique: z.array(passageSortie(z.enum(cles(STATUTS_ORIENTATION)))),
        })
        .strict(),
    ),
    signalements: z.array(
      z
        .object({
          article: z.enum(cles(ARTICLES_SIGNALEMENT)),
          date: jour,
          destinataire: z.enum(cles(DESTINATAIRES_SIGNALEMENT)),
          precisionDestinataire: z.string().optional(),
          texte: z.string().optional(),
        })
        .strict(),
    ),
    /** Retours de l'article 4 faits à l'unité qui a saisi. */
    retours: z.array(z.object({ type: z.enum(cles(RETOURS_ARTICLE_4)), le: instant }).strict()),
    /** Calculés à la date de l'export. */
    dureeAccompagnementJours: z.number().int().min(0).nullable(),
    nombreActes: z.number().int().min(0),
    donneesEffaceesLe: instant.optional(),
  })
  .strict()

/** Le JSON remis : sa forme, vérifiée à la sortie. */
export const schemaExportPersonne = z
  .object({
    format: z.literal(FORMAT_EXPORT_PERSONNE),
    genereLe: instant,
    /** L'identité sur laquelle porte la demande. */
    personne: z.object({ nom: textePlein, prenom: textePlein, dateNaissance: jour.optional() }).strict(),
    saisines: z.array(saisineSortie),
  })
  .strict()
export type ExportPersonne = z.infer<typeof schemaExportPersonne>
export type SaisineExportee = ExportPersonne['saisines'][number]

/**
 * Ce que le service passe, déjà déchiffré. Les champs en plus (poste, clé
 * pseudonyme, agent…) sont ignorés : seuls ceux du format sortent.
 */
export const schemaDonneesPersonne = z.object({
  personne: z.object({ nom: textePlein, prenom: textePlein, dateNaissance: jour.optional() }),
  saisines: z.array(
    saisineSortie
      .omit({ statut: true, historique: true, orientations: true, retours: true, dureeAccompagnementJours: true, nombreActes: true })
      .extend({
        historique: z.array(schemaChangement).default([]),
        actes: saisineSortie.shape.actes.element.strip().array().default([]),
        orientations: saisineSortie.shape.orientations.element
          .omit({ statut: true, historique: true })
          .extend({ historique: z.array(schemaChangementOrientation).default([]) })
          .strip()
          .array()
          .default([]),
        signalements: saisineSortie.shape.signalements.element.strip().array().default([]),
        retoursArticle4: z.array(schemaRetourArticle4).default([]),
        situationConnue: saisineSortie.shape.situationConnue.unwrap().strip().optional(),
        identite: identite.strip().optional(),
      })
      .strip(),
  ),
})
export type DonneesPersonne = z.input<typeof schemaDonneesPersonne>

const parDate = <T extends { date: string }>(a: T, b: T) => a.date.localeCompare(b.date)
const sansVide = <T extends Record<string, unknown>>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as T

/** Le JSON du droit d'accès : saisines dans l'ordre des dates, comme leurs actes, orientations et signalements. */
export function exportPersonne(donnees: DonneesPersonne, { maintenant }: { maintenant: Date }): ExportPersonne {
  const d = schemaDonneesPersonne.parse(donnees)
  const saisines = d.saisines
    .map((s) => {
      const { historique, orientations, retoursArticle4, actes, signalements, ...reste } = s
      return sansVide({
        ...reste,
        statut: statutCourant(historique),
        historique: historique.map((c) => ({ statut: c.vers, le: c.le })),
        actes: [...actes].sort(parDate).map(sansVide),
        orientations: [...orientations].sort(parDate).map(({ historique: h, ...o }) =>
          sansVide({ ...o, statut: statutOrientationCourant(h), historique: h.map((c) => ({ statut: c.vers, le: c.le })) }),
        ),
        signalements: [...signalements].sort(parDate).map(sansVide),
        retours: retoursArticle4.map((r) => ({ type: r.type, le: r.le })).sort((a, b) => a.le.localeCompare(b.le)),
        dureeAccompagnementJours: dureeAccompagnementJours(historique, maintenant),
        nombreActes: nombreActes(actes),
      })
    })
    .sort((a, b) => parDate(a, b) || String(a.id).localeCompare(String(b.id)))
  return schemaExportPersonne.parse({ format: FORMAT_EXPORT_PERSONNE, genereLe: maintenant.toISOString(), personne: sansVide(d.personne), saisines })
}
