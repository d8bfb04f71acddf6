import { z } from 'zod'

import { natureDuCode, RE_CODE_COMMUNE, RE_CODE_POSTAL } from '../territoire/codes'

import thematiques from '../codes/thematiques.json' with { type: 'json' }
import publics from '../codes/publics.json' with { type: 'json' }
import typesDeServices from '../codes/types-de-services.json' with { type: 'json' }
import frais from '../codes/frais.json' with { type: 'json' }
import modesAccueil from '../codes/modes-accueil.json' with { type: 'json' }
import modesMobilisation from '../codes/modes-mobilisation.json' with { type: 'json' }
import mobilisablePar from '../codes/mobilisable-par.json' with { type: 'json' }
import reseauxPorteurs from '../codes/reseaux-porteurs.json' with { type: 'json' }
import typesPartenaires from '../codes/types-partenaires.json' with { type: 'json' }

/**
 * Schémas zod d'un fichier au format data·inclusion v1 (schéma 1.0.8,
 * dépôt gip-inclusion/data-inclusion-schema), tel que Passerelle l'utilise :
 *
 *   { "_meta": {…}, "structures": [...], "services": [...] }
 *
 * Différences assumées avec le schéma pydantic officiel :
 * - deux extensions Passerelle : `type_partenaire` (structure, obligatoire) et
 *   `numero_court` (structure et service : numéro national court réel) ;
 * - les champs de localisation d'une structure sont obligatoires, sauf pour les
 *   numéros nationaux (`type_partenaire: "numero-national"`), dont l'adresse,
 *   la commune, les codes et les coordonnées valent `null` ;
 * - le téléphone est un numéro français (format national ou +33) ;
 * - `zone_eligibilite` n'accepte que le code pays `99100` (France) ;
 * - les champs inconnus sont refusés (faute de frappe dans un nom de champ) ;
 * - `date_maj` n'est pas comparée à la date du jour (les données de test
 *   fixent leur propre date de référence).
 *
 * Tous les messages d'erreur sont en français et nomment le champ concerné.
 */

// ---------------------------------------------------------------------------
// Référentiels
// ---------------------------------------------------------------------------

/** Numéros nationaux courts admis dans l'extension `numero_court`. */
export const NUMEROS_COURTS = ['115', '119', '3114', '3919', '3977', '116 006', '3018'] as const

export const referentiels = {
  thematiques,
  publics,
  typesDeServices,
  frais,
  modesAccueil,
  modesMobilisation,
  mobilisablePar,
  reseauxPorteurs,
  typesPartenaires,
} as const

type Codes<T> = [Extract<keyof T, string>, ...Extract<keyof T, string>[]]
const codesDe = <T extends Record<string, string>>(liste: T) => Object.keys(liste) as Codes<T>

// ---------------------------------------------------------------------------
// Outils de messages
// ---------------------------------------------------------------------------

/** Décrit brièvement une valeur reçue, pour les messages d'erreur. */
function decrire(valeur: unknown): string {
  if (valeur === undefined) return 'rien'
  if (valeur === null) return 'null'
  if (typeof valeur === 'string') return `« ${valeur.length > 60 ? `${valeur.slice(0, 57)}…` : valeur} »`
  if (Array.isArray(valeur)) return 'une liste'
  if (typeof valeur === 'object') return 'un objet'
  if (typeof valeur === 'number') return `le nombre ${valeur}`
  if (typeof valeur === 'boolean') return `la valeur ${valeur}`
  return typeof valeur
}

/** Message d'erreur de type (champ absent ou mauvais type). */
const erreurType = (champ: string, attendu: string) => (iss: { input?: unknown }) =>
  iss.input === undefined
    ? `${champ} : champ obligatoire manquant`
    : `${champ} : ${attendu}, reçu ${decrire(iss.input)}`

/** Chaîne de caractères, bornée, avec messages en français. */
function texte(champ: string, { min = 1, max = 10000 }: { min?: number; max?: number } = {}) {
  return z
    .string({ error: erreurType(champ, 'texte attendu') })
    .min(min, {
      error: (iss) =>
        min <= 1
          ? `${champ} : ne doit pas être vide`
          : `${champ} : ${min} caractères minimum (reçu ${String(iss.input).length})`,
    })
    .max(max, { error: `${champ} : ${max} caractères maximum` })
}

/** Code pris dans un référentiel JSON `{ code: libellé }`. */
function code<T extends Record<string, string>>(liste: T, champ: string, inconnu: string) {
  return z.enum(codesDe(liste), {
    error: (iss) =>
      typeof iss.input === 'string' ? `${inconnu} : « ${iss.input} »` : erreurType(champ, 'code (texte) attendu')(iss),
  })
}

/** Liste de codes d'un référentiel, sans doublon. */
function listeDeCodes<T extends Record<string, string>>(
  champ: string,
  liste: T,
  element: string,
  inconnu: string,
  { min = 0 }: { min?: number } = {},
) {
  return z
    .array(code(liste, element, inconnu), { error: erreurType(champ, 'liste de codes attendue') })
    .min(min, { error: `${champ} : au moins un code attendu` })
    .superRefine((valeurs, ctx) => {
      const vus = new Set<string>()
      valeurs.forEach((v, i) => {
        if (vus.has(v)) ctx.addIssue({ code: 'custom', path: [i], message: `${champ} : code en double « ${v} »` })
        vus.add(v)
      })
    })
}

const optionnel = <T extends z.ZodType>(schema: T) => schema.nullable().optional()

// ---------------------------------------------------------------------------
// Champs élémentaires
// ---------------------------------------------------------------------------

const identifiant = (champ: string) =>
  texte(champ, { max: 200 }).regex(/^\S+$/, { error: (iss) => `${champ} : sans espace, reçu ${decrire(iss.input)}` })

const codePostal = z
  .string({ error: erreurType('code postal', 'texte attendu') })
  .regex(RE_CODE_POSTAL, { error: (iss) => `code postal invalide (5 chiffres attendus) : ${decrire(iss.input)}` })

const codeInsee = z
  .string({ error: erreurType('code INSEE', 'texte attendu') })
  .regex(RE_CODE_COMMUNE, { error: (iss) => `code INSEE invalide (5 caractères attendus) : ${decrire(iss.input)}` })

const latitude = z
  .number({ error: erreurType('latitude', 'nombre attendu') })
  .min(-90, { error: 'latitude invalide (entre -90 et 90 attendue)' })
  .max(90, { error: 'latitude invalide (entre -90 et 90 attendue)' })

const longitude = z
  .number({ error: erreurType('longitude', 'nombre attendu') })
  .min(-180, { error: 'longitude invalide (entre -180 et 180 attendue)' })
  .max(180, { error: 'longitude invalide (entre -180 et 180 attendue)' })

/** Numéro français : 04 65 71 12 34, 0465711234, 04.65.71.12.34, +33 4 65 71 12 34, +33465711234. */
export const RE_TELEPHONE_FR = /^(?:0[1-9]|\+33 ?[1-9])(?:[ .]?\d{2}){4}$/

const telephone = z.string({ error: erreurType('téléphone', 'texte attendu') }).superRefine((valeur, ctx) => {
  if (RE_TELEPHONE_FR.test(valeur)) return
  const court = (NUMEROS_COURTS as readonly string[]).includes(valeur) || /^\d{3,4}$/.test(valeur)
  ctx.addIssue({
    code: 'custom',
    message: court
      ? `téléphone : « ${valeur} » est un numéro court, à mettre dans numero_court`
      : `téléphone invalide : « ${valeur} » (numéro français attendu, ex. 04 65 71 12 34 ou +33 4 65 71 12 34)`,
  })
})

const numeroCourt = z.enum(NUMEROS_COURTS, {
  error: (iss) => `numéro court inconnu : ${decrire(iss.input)} (attendu : ${NUMEROS_COURTS.join(', ')})`,
})

const courriel = z
  .string({ error: erreurType('courriel', 'texte attendu') })
  .pipe(z.email({ error: (iss) => `courriel invalide : ${decrire(iss.input)}` }))

const url = (champ: string) =>
  z
    .string({ error: erreurType(champ, 'texte attendu') })
    .pipe(
      z.url({
        protocol: /^https?$/,
        hostname: z.regexes.domain,
        error: (iss) => `${champ} : adresse web invalide (http:// ou https:// attendu) : ${decrire(iss.input)}`,
      }),
    )

const dateMaj = z
  .string({ error: erreurType('date de mise à jour (date_maj)', 'date ISO AAAA-MM-JJ attendue') })
  .pipe(
    z.iso.date({ error: (iss) => `date de mise à jour (date_maj) invalide : ${decrire(iss.input)} (date ISO AAAA-MM-JJ attendue)` }),
  )
  .refine((d) => d >= '2000-01-01', { error: 'date de mise à jour (date_maj) : doit être postérieure au 1er janvier 2000' })

const horaires = z
  .string({ error: erreurType("horaires d'accueil", 'texte au format OpenStreetMap opening_hours attendu') })
  .min(1, { error: "horaires d'accueil : ne doivent pas être vides (omettre le champ si inconnus)" })

/** Un code de `zone_eligibilite`. */
const codeZone = z.string({ error: erreurType("zone d'éligibilité", 'code (texte) attendu') }).superRefine((v, ctx) => {
  if (natureDuCode(v)) return
  let message: string
  if (v.length === 5 || /^\d{4}$/.test(v)) message = `zone d'éligibilité : code INSEE invalide (5 caractères attendus) : « ${v} »`
  else if (/^\d+$/.test(v) && v.length > 5)
    message = `zone d'éligibilité : SIREN d'EPCI invalide (9 chiffres attendus) : « ${v} »`
  else if (v.length <= 3) message = `zone d'éligibilité : code département invalide (2 ou 3 caractères attendus) : « ${v} »`
  else
    message =
      `zone d'éligibilité : code inconnu « ${v} » (attendu : code commune INSEE à 5 caractères, ` +
      `SIREN d'EPCI à 9 chiffres, code département, « france » ou « 99100 »)`
  ctx.addIssue({ code: 'custom', message })
})

const champInconnu = (iss: { code?: string; keys?: string[]; input?: unknown }) =>
  iss.code === 'unrecognized_keys' && iss.keys
    ? `${iss.keys.length > 1 ? 'champs inconnus' : 'champ inconnu'} : ${iss.keys.map((k) => `« ${k} »`).join(', ')}`
    : `objet attendu, reçu ${decrire(iss.input)}`

// ---------------------------------------------------------------------------
// Structure
// ---------------------------------------------------------------------------

const CHAMPS_LOCALISATION = ['adresse', 'code_postal', 'commune', 'code_insee', 'latitude', 'longitude'] as const

export const structureDataInclusion = z
  .strictObject(
    {
      // Champs requis du schéma
      id: identifiant('identifiant (id)'),
      source: texte('source', { max: 200 }),
      nom: texte('nom', { min: 3, max: 150 }),
      date_maj: dateMaj,
      // Extension Passerelle
      type_partenaire: code(typesPartenaires, 'type de partenaire (type_partenaire)', 'type de partenaire inconnu'),
      // Champs optionnels du schéma
      description: optionnel(texte('description', { min: 5, max: 10000 })),
      lien_source: optionnel(url('lien_source')),
      siret: optionnel(
        z
          .string({ error: erreurType('SIRET', 'texte attendu') })
          .regex(/^\d{14}$/, { error: (iss) => `SIRET invalide (14 chiffres attendus) : ${decrire(iss.input)}` }),
      ),
      commune: optionnel(texte('commune', { max: 150 })),
      code_postal: optionnel(codePostal),
      code_insee: optionnel(codeInsee),
      adresse: optionnel(texte('adresse', { max: 300 })),
      complement_adresse: optionnel(texte("complément d'adresse", { max: 300 })),
      longitude: optionnel(longitude),
      latitude: optionnel(latitude),
      telephone: optionnel(telephone),
      courriel: optionnel(courriel),
      site_web: optionnel(url('site web')),
      horaires_accueil: optionnel(horaires),
      accessibilite_lieu: optionnel(url("lien d'accessibilité du lieu")),
      reseaux_porteurs: optionnel(listeDeCodes('réseaux porteurs', reseauxPorteurs, 'réseau porteur', 'réseau porteur inconnu')),
      // Extension Passerelle
      numero_court: optionnel(numeroCourt),
    },
    { error: champInconnu },
  )
  .superRefine((s, ctx) => {
    if (s.type_partenaire === 'numero-national') {
      if (!s.numero_court)
        ctx.addIssue({
          code: 'custom',
          path: ['numero_court'],
          message: 'numéro court obligatoire pour un numéro national (type_partenaire « numero-national »)',
        })
      for (const champ of CHAMPS_LOCALISATION) {
        if (s[champ] != null)
          ctx.addIssue({
            code: 'custom',
            path: [champ],
            message: `${champ} : doit être null pour un numéro national (service uniquement à distance)`,
          })
      }
    } else {
      for (const [champ, nom] of [
        ['commune', 'commune'],
        ['code_insee', 'code INSEE'],
        ['code_postal', 'code postal'],
      ] as const) {
        if (s[champ] == null)
          ctx.addIssue({
            code: 'custom',
            path: [champ],
            message: `${nom} obligatoire (seuls les numéros nationaux n'ont pas de localisation)`,
          })
      }
    }
    if ((s.latitude == null) !== (s.longitude == null))
      ctx.addIssue({
        code: 'custom',
        path: [s.latitude == null ? 'latitude' : 'longitude'],
        message: 'coordonnées incomplètes : latitude et longitude vont ensemble',
      })
  })

// ---------------------------------------------------------------------------
// Service
// ---------------------------------------------------------------------------

export const serviceDataInclusion = z
  .strictObject(
    {
      // Champs requis du schéma
      id: identifiant('identifiant (id)'),
      source: texte('source', { max: 200 }),
      structure_id: identifiant('structure de rattachement (structure_id)'),
      nom: texte('nom', { min: 3, max: 150 }),
      description: texte('description', { min: 5, max: 10000 }),
      date_maj: dateMaj,
      // Champs optionnels du schéma
      lien_source: optionnel(url('lien_source')),
      type: optionnel(code(typesDeServices, 'type de service', 'type de service inconnu')),
      thematiques: optionnel(listeDeCodes('thématiques', thematiques, 'thématique', 'thématique inconnue')),
      frais: optionnel(code(frais, 'frais', 'frais : valeur inconnue')),
      frais_precisions: optionnel(texte('précisions sur les frais')),
      publics: optionnel(listeDeCodes('publics', publics, 'public', 'public inconnu', { min: 1 })),
      publics_precisions: optionnel(texte('précisions sur les publics')),
      conditions_acces: optionnel(texte("conditions d'accès")),
      commune: optionnel(texte('commune', { max: 150 })),
      code_postal: optionnel(codePostal),
      code_insee: optionnel(codeInsee),
      adresse: optionnel(texte('adresse', { max: 300 })),
      complement_adresse: optionnel(texte("complément d'adresse", { max: 300 })),
      longitude: optionnel(longitude),
      latitude: optionnel(latitude),
      telephone: optionnel(telephone),
      courriel: optionnel(courriel),
      modes_accueil: optionnel(listeDeCodes("modes d'accueil", modesAccueil, "mode d'accueil", "mode d'accueil inconnu")),
      zone_eligibilite: optionnel(
        z
          .array(codeZone, { error: erreurType("zone d'éligibilité", 'liste de codes attendue') })
          .min(1, { error: "zone d'éligibilité : au moins un code attendu" }),
      ),
      contact_nom_prenom: optionnel(texte('nom du contact')),
      lien_mobilisation: optionnel(url('lien de mobilisation')),
      modes_mobilisation: optionnel(
        listeDeCodes('modes de mobilisation', modesMobilisation, 'mode de mobilisation', 'mode de mobilisation inconnu', {
          min: 1,
        }),
      ),
      mobilisable_par: optionnel(
        listeDeCodes('mobilisable par', mobilisablePar, 'personne mobilisatrice', 'personne mobilisatrice inconnue', {
          min: 1,
        }),
      ),
      mobilisation_precisions: optionnel(texte('précisions sur la mobilisation')),
      volume_horaire_hebdomadaire: optionnel(
        z
          .number({ error: erreurType('volume horaire hebdomadaire', 'nombre attendu') })
          .min(0, { error: 'volume horaire hebdomadaire : doit être positif ou nul' }),
      ),
      nombre_semaines: optionnel(
        z
          .number({ error: erreurType('nombre de semaines', 'nombre attendu') })
          .int({ error: 'nombre de semaines : entier attendu' })
          .min(1, { error: 'nombre de semaines : au moins 1' }),
      ),
      horaires_accueil: optionnel(horaires),
      // Extension Passerelle
      numero_court: optionnel(numeroCourt),
    },
    { error: champInconnu },
  )
  .superRefine((s, ctx) => {
    if (s.publics && s.publics.includes('tous-publics') && s.publics.length > 1)
      ctx.addIssue({
        code: 'custom',
        path: ['publics'],
        message: 'publics : « tous-publics » ne peut pas être combiné avec d’autres publics',
      })
    if ((s.latitude == null) !== (s.longitude == null))
      ctx.addIssue({
        code: 'custom',
        path: [s.latitude == null ? 'latitude' : 'longitude'],
        message: 'coordonnées incomplètes : latitude et longitude vont ensemble',
      })
  })

// ---------------------------------------------------------------------------
// Fichier
// ---------------------------------------------------------------------------

type AvecId = { id?: unknown }
const idDe = (entree: unknown): string | undefined =>
  entree && typeof entree === 'object' && typeof (entree as AvecId).id === 'string' ? (entree as AvecId).id as string : undefined

/**
 * Règles entre enregistrements : identifiants uniques (structures, services) et
 * structure de rattachement connue. Elles s'exécutent même quand certaines
 * entrées sont invalides, pour que tous les problèmes soient signalés d'un coup.
 */
function reglesCroisees(valeur: unknown, ctx: z.core.$RefinementCtx<unknown>) {
  if (!valeur || typeof valeur !== 'object') return
  const { structures, services } = valeur as { structures?: unknown; services?: unknown }
  const idsStructures = new Set<string>()
  for (const [collection, liste] of [
    ['structures', structures],
    ['services', services],
  ] as const) {
    if (!Array.isArray(liste)) continue
    const premiers = new Map<string, number>()
    liste.forEach((entree, i) => {
      const id = idDe(entree)
      if (id === undefined) return
      const precedent = premiers.get(id)
      if (precedent !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: [collection, i, 'id'],
          message: `identifiant en double : « ${id} » (déjà utilisé par ${collection}[${precedent}])`,
        })
      else premiers.set(id, i)
      if (collection === 'structures') idsStructures.add(id)
    })
  }
  if (!Array.isArray(structures) || !Array.isArray(services)) return
  services.forEach((entree, i) => {
    if (!entree || typeof entree !== 'object') return
    const sid = (entree as { structure_id?: unknown }).structure_id
    if (typeof sid === 'string' && !idsStructures.has(sid))
      ctx.addIssue({
        code: 'custom',
        path: ['services', i, 'structure_id'],
        message: `structure de rattachement inconnue : « ${sid} » (aucune structure de ce fichier ne porte cet identifiant)`,
      })
  })
}

export const fichierDataInclusion = z
  .strictObject(
    {
      _meta: z.unknown().optional(),
      structures: z.array(structureDataInclusion, { error: erreurType('structures', 'liste attendue') }),
      services: z.array(serviceDataInclusion, { error: erreurType('services', 'liste attendue') }),
    },
    { error: champInconnu },
  )
  .superRefine(reglesCroisees, { when: () => true })

export type StructureDataInclusion = z.infer<typeof structureDataInclusion>
export type ServiceDataInclusion = z.infer<typeof serviceDataInclusion>
export type FichierDataInclusion = z.infer<typeof fichierDataInclusion>

// ---------------------------------------------------------------------------
// Validation avec rapport lisible
// ---------------------------------------------------------------------------

export type ProblemeValidation = {
  fichier: string
  /** Entrée concernée : `structures[12] (id s-ccas-belley)`, ou `racine du fichier`. */
  entree: string
  /** Chemin du champ dans l'entrée (`thematiques[1]`), vide pour l'entrée entière. */
  champ: string
  message: string
}

export class ErreurValidationDataInclusion extends Error {
  readonly fichier: string
  readonly problemes: ProblemeValidation[]

  constructor(fichier: string, problemes: ProblemeValidation[]) {
    const n = problemes.length
    super(
      `${fichier} : ${n} problème${n > 1 ? 's' : ''} de validation (format data·inclusion v1)\n` +
        problemes.map((p) => `- ${formaterProbleme(p)}`).join('\n'),
    )
    this.name = 'ErreurValidationDataInclusion'
    this.fichier = fichier
    this.problemes = problemes
  }
}

export function formaterProbleme(p: ProblemeValidation): string {
  return `${p.fichier}, ${p.entree}${p.champ ? `, champ ${p.champ}` : ''} : ${p.message}`
}

function cheminChamp(chemin: PropertyKey[]): string {
  let texte = ''
  for (const segment of chemin) {
    if (typeof segment === 'number') texte += `[${segment}]`
    else texte += texte ? `.${String(segment)}` : String(segment)
  }
  return texte
}

/** Message de secours (ne devrait pas servir : chaque schéma a ses propres messages). */
function messageDeSecours(iss: z.core.$ZodRawIssue): string {
  return `valeur invalide (${iss.code}), reçu ${decrire(iss.input)}`
}

/**
 * Valide un fichier data·inclusion v1 (déjà lu en JSON) et renvoie les données
 * typées. Lève une `ErreurValidationDataInclusion` dont le message, en
 * français, liste chaque problème avec le fichier, l'entrée, le champ et la
 * raison.
 */
export function validerFichierDataInclusion(donnees: unknown, nomFichier: string): FichierDataInclusion {
  const resultat = fichierDataInclusion.safeParse(donnees, { error: messageDeSecours })
  if (resultat.success) return resultat.data

  const racine = (donnees && typeof donnees === 'object' ? donnees : {}) as Record<string, unknown>
  let problemes = resultat.error.issues.map((iss): ProblemeValidation => {
    const [collection, index, ...reste] = iss.path
    if ((collection === 'structures' || collection === 'services') && typeof index === 'number') {
      const liste = racine[collection]
      const id = Array.isArray(liste) ? idDe(liste[index]) : undefined
      return {
        fichier: nomFichier,
        entree: `${collection}[${index}]${id !== undefined ? ` (id ${id})` : ''}`,
        champ: cheminChamp(reste),
        message: iss.message,
      }
    }
    return { fichier: nomFichier, entree: 'racine du fichier', champ: cheminChamp(iss.path), message: iss.message }
  })
  // Ordre de lecture du fichier : racine, structures, services, puis index croissant.
  const rang = (iss: z.core.$ZodIssue): [number, number] => {
    const [collection, index] = iss.path
    const i = typeof index === 'number' ? index : -1
    return collection === 'structures' ? [1, i] : collection === 'services' ? [2, i] : [0, 0]
  }
  const ordre = resultat.error.issues.map((iss, i) => ({ cle: rang(iss), i }))
  ordre.sort((x, y) => x.cle[0] - y.cle[0] || x.cle[1] - y.cle[1] || x.i - y.i)
  problemes = ordre.map(({ i }) => problemes[i]!)
  throw new ErreurValidationDataInclusion(nomFichier, problemes)
}
