import type { Utilisateur } from '../../cms/payload-types'
import type { ActeurEspace } from '../../cms/saisines/acteur'
import { creerPremierOperateur, type BaseDeTest } from './payloadDeTest'

/**
 * Le décor commun des tests de saisines : deux unités (Bourg, Gex), chacune
 * couverte par son poste d'intervenant, un agent FSI par unité, un
 * intervenant par poste, et une structure de l'annuaire pour les orientations.
 * Les comptes sont créés comme une invitation acceptée les crée ; les acteurs
 * passent par acteurSaisineDe, comme dans les pages.
 */
export type DecorSaisines = {
  siteA: number
  siteB: number
  posteA: number
  posteB: number
  structure: number
  agentA: ActeurEspace
  agentB: ActeurEspace
  intervA: ActeurEspace
  intervB: ActeurEspace
  compte: (email: string, data: Partial<Utilisateur>) => Promise<ActeurEspace>
}

export async function poserDecor(base: BaseDeTest, prefixe: string): Promise<DecorSaisines> {
  const { acteurSaisineDe } = await import('../../cms/saisines/acteur')
  // Le premier compte ne naît que par l'installation : l'opérateur d'abord, s'il n'existe pas.
  if ((await base.payload.count({ collection: 'utilisateurs', overrideAccess: true })).totalDocs === 0)
    await creerPremierOperateur(base, { email: `operateur-${prefixe}@example.org`, password: `phrase-de-passe-${prefixe}-2026` })
  const ctx = { sansPublication: true }
  const site = (nom: string, slug: string, commune: '01053' | '01173') =>
    base.payload.create({ collection: 'sites', data: { nom, slug: `${prefixe}-${slug}`, type: 'compagnie', commune }, overrideAccess: true, context: ctx })
  const siteA = await site('Brigade de Bourg', 'bourg', '01053')
  const siteB = await site('Brigade de Gex', 'gex', '01173')
  const poste = (intitule: string, slug: string, sites: number[]) =>
    base.payload.create({ collection: 'postes', data: { intitule, slug: `${prefixe}-${slug}`, secteur: intitule, sites }, overrideAccess: true, context: ctx })
  const posteA = await poste('IS Bresse', 'is-bresse', [siteA.id])
  const posteB = await poste('IS Gex', 'is-gex', [siteB.id])
  const compte = async (email: string, data: Partial<Utilisateur>) =>
    acteurSaisineDe((await base.payload.create({ collection: 'utilisateurs', data: { email, ...data }, overrideAccess: true })) as Utilisateur)!
  const structure = await base.payload.create({
    collection: 'structures',
    data: { nom: 'Maison Orbiculaire des Victimes', id_source: `${prefixe}-structure`, type_partenaire: 'aide-aux-victimes', date_maj: '2026-11-01' } as never,
    overrideAccess: true,
    context: ctx,
  })
  return {
    siteA: siteA.id,
    siteB: siteB.id,
    posteA: posteA.id,
    posteB: posteB.id,
    structure: structure.id,
    agentA: await compte(`agent-a-${prefixe}@interieur.gouv.fr`, { role: 'agent-fsi', site: siteA.id }),
    agentB: await compte(`agent-b-${prefixe}@interieur.gouv.fr`, { role: 'agent-fsi', site: siteB.id }),
    intervA: await compte(`is-a-${prefixe}@example.org`, { role: 'intervenant', poste: posteA.id }),
    intervB: await compte(`is-b-${prefixe}@example.org`, { role: 'intervenant', poste: posteB.id }),
    compte,
  }
}

/** Un formulaire de dépôt valide, à plat, comme la page l'envoie. */
export const champsSaisine = (p: { nom?: string; prenom?: string; dateNaissance?: string; telephone?: string; texteLibre?: string; ditALaPersonne?: string } = {}) => ({
  mode: 'telephone',
  nature: 'directe',
  date: '2026-12-01',
  urgence: 'non',
  'personnes.0.nom': p.nom ?? 'Berthollet',
  'personnes.0.prenom': p.prenom ?? 'Amandine',
  'personnes.0.dateNaissance': p.dateNaissance ?? '1988-03-09',
  'personnes.0.sexe': 'femme',
  'personnes.0.situationFamiliale': 'separe',
  'personnes.0.commune': '01053',
  'personnes.0.telephone': p.telephone ?? '06 11 22 33 44',
  profil: 'victime',
  problematique: 'violences-conjugales',
  accepteContact: 'oui',
  ...(p.ditALaPersonne ? { ditALaPersonne: p.ditALaPersonne } : {}),
  texteLibre: p.texteLibre ?? 'Texte libre de la saisine.',
})

/** Une ligne de la synthèse hebdomadaire du GGD, par colonne ; l'unité par défaut est celle du décor (« Brigade de Bourg »). */
export type LigneSynthese = Partial<Record<'Date des faits' | 'Unité' | 'Commune' | 'Nom' | 'Prénom' | 'Date de naissance' | 'Âge' | 'Sexe' | 'Profil' | 'Nature' | 'Résumé' | 'Référence', string>>
const COLONNES_FICHIER = ['Date des faits', 'Unité', 'Commune', 'Nom', 'Prénom', 'Date de naissance', 'Âge', 'Sexe', 'Profil', 'Nature', 'Résumé', 'Référence'] as const

/** Le fichier CSV de la synthèse (« ; », BOM UTF-8, CRLF, comme un export de tableur), une ligne par élément. */
export function fichierSynthese(lignes: LigneSynthese[]): Uint8Array {
  const defaut: LigneSynthese = { 'Date des faits': '01/12/2026', Unité: 'Brigade de Bourg', Commune: 'Bourg-en-Bresse', 'Date de naissance': '12/04/1985', Sexe: 'F', Profil: 'Victime', Nature: 'Violences conjugales' }
  const cellule = (v: string) => (/[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)
  const texte = [COLONNES_FICHIER.join(';'), ...lignes.map((l) => COLONNES_FICHIER.map((c) => cellule({ ...defaut, ...l }[c] ?? '')).join(';'))].join('\r\n')
  return new TextEncoder().encode(`\uFEFF${texte}\r\n`)
}
