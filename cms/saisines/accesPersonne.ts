import type { Payload } from 'payload'
import { z } from 'zod'

import { exportPersonne, operationPermise, type DonneesPersonne, type ExportPersonne } from '../../domaine/saisines'
import { journaliser } from '../journalAudit'
import type { Saisine } from '../payload-types'
import type { ActeurEspace } from './acteur'
import { clePseudonyme } from './chiffrement'
import { contenuComplet } from './lecture'
import { refus, type Resultat } from './resultat'

/**
 * Droit d'accès (RGPD, art. 15) : la coordination retrouve tout ce que le
 * portail tient sur une personne, par sa clé pseudonyme (nom, prénom, date de
 * naissance : les trois sont nécessaires, comme pour la reconnaître d'une
 * saisine à l'autre), et le remet en JSON ou en PDF (domaine/saisines/
 * export-personne*.ts). La demande arrive par un formulaire POST : l'identité
 * ne passe jamais dans une URL ni dans le journal, qui ne garde que l'acte.
 */

const schemaDemande = z.object({
  nom: z.string({ error: 'Nom : texte attendu' }).trim().min(1, 'Nom : champ obligatoire').max(100, 'Nom : 100 caractères au plus'),
  prenom: z.string({ error: 'Prénom : texte attendu' }).trim().min(1, 'Prénom : champ obligatoire').max(100, 'Prénom : 100 caractères au plus'),
  dateNaissance: z
    .string({ error: 'Date de naissance : date attendue (AAAA-MM-JJ)' })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Date de naissance : date attendue (AAAA-MM-JJ) ; elle est nécessaire pour retrouver la personne'),
})

export async function exporterDonneesPersonne(
  payload: Payload,
  acteur: ActeurEspace | null,
  demande: Record<string, string | undefined>,
  { adresse = null, maintenant = new Date() }: { adresse?: string | null; maintenant?: Date } = {},
): Promise<Resultat<{ export: ExportPersonne }>> {
  if (!acteur || !operationPermise(acteur, 'exporter-personne', {})) return refus(403, 'Seule la coordination répond aux demandes de droit d’accès.')
  const lu = schemaDemande.safeParse(demande)
  if (!lu.success) return { ok: false, statut: 400, erreurs: Object.fromEntries(lu.error.issues.map((i) => [String(i.path[0]), i.message])) }
  const personne = lu.data
  const cle = clePseudonyme(personne)
  const { docs } = cle
    ? await payload.find({ collection: 'saisines', where: { 'personnes.clePersonne': { equals: cle } }, sort: 'date', pagination: false, depth: 1, overrideAccess: true })
    : { docs: [] }
  const saisines: DonneesPersonne['saisines'] = []
  for (const s of docs as Saisine[]) {
    const c = await contenuComplet(payload, s, maintenant)
    const rang = (s.personnes ?? []).find((p) => p.clePersonne === cle)?.id
    const p = c.personnes.find((x) => x.rang === rang)
    saisines.push({
      id: s.id,
      date: s.date,
      mode: s.mode,
      nature: s.nature,
      origine: s.origine ?? undefined,
      unite: s.unite && typeof s.unite === 'object' ? s.unite.nom : undefined,
      urgence: Boolean(s.urgence),
      profil: s.profil,
      problematique: s.problematique,
      // Seule la personne demandeuse : les autres personnes de la saisine ne figurent pas dans sa copie.
      identite: p?.identite
        ? {
            ...p.identite,
            age: p.age ?? undefined,
            sexe: p.sexe,
            situationFamiliale: p.situationFamiliale,
            commune: p.commune ?? undefined,
          }
        : undefined,
      ditALaPersonne: c.ditALaPersonne ?? undefined,
      accepteContact: s.accepteContact,
      texteLibre: c.texteLibre ?? undefined,
      historique: c.historique,
      situationConnue: { connueDuDepartement: s.connueDepartement ?? 'inconnu', connueDeLaCaf: s.connueCaf ?? 'inconnu' },
      actes: c.actes.map((a) => ({ type: a.type, date: a.date, texte: a.texte ?? undefined })),
      orientations: c.orientations.map((o) => ({ structure: o.nomStructure, date: o.date, commentaire: o.commentaire ?? undefined, historique: o.historique })),
      signalements: c.signalements.map((g) => ({
        article: g.article as never,
        date: g.date,
        destinataire: g.destinataire as never,
        precisionDestinataire: g.precision ?? undefined,
        texte: g.texte ?? undefined,
      })),
      retoursArticle4: c.retours,
      donneesEffaceesLe: s.donneesEffaceesLe ?? undefined,
    })
  }
  await journaliser(payload, { action: 'acces-personne-exporte', acteur: acteur.id, adresse })
  return { ok: true, export: exportPersonne({ personne, saisines }, { maintenant }) }
}
