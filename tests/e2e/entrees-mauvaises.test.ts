import { DatabaseSync } from 'node:sqlite'
import path from 'node:path'

import fc from 'fast-check'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { MOTIFS_SIGNALEMENT } from '../../cms/collections/Signalements/motifs'
import { MODES_SAISINE, NATURES_SAISINE, PROFILS, SEXES, SITUATIONS_FAMILIALES } from '../../domaine/saisines/schema'
import { STATUTS } from '../../domaine/saisines/statuts'
import { demarrerPortailDeTest, type PortailDeTest } from './demarrerPortail'
import { semer } from './journalSansDonnee'
import { serveurPostgres } from '../outils/payloadDeTest'
import { cookieDeSession, creerCompteParInvitation, envoyerFormulaire, sessionOperateur } from './operateur'

/**
 * Entrées mauvaises en nombre : chaque formulaire et chaque point JSON du
 * portail reçoit des envois générés par fast-check (graine fixe) — corps
 * urlencoded, multipart (avec fichiers), JSON à la place d'un formulaire,
 * corps cassés, champs absents, en double ou inconnus, caractères de contrôle,
 * chaînes très longues, nombres et dates impossibles, en-têtes de travers —
 * et des paramètres d'URL de même farine. Les formulaires sont relevés sur les
 * pages elles-mêmes, avec la session de chaque rôle : un champ ajouté à une
 * page est essayé sans toucher à ce fichier. Attendu : aucune réponse 5xx, et
 * rien d'écrit de travers (comptes des collections de référence, saisine
 * témoin identique octet pour octet en base et toujours lisible).
 *
 * PASSERELLE_FUZZ_GRAINE change la graine (exploration) ; PASSERELLE_FUZZ_CAS
 * le nombre de cas par cible.
 */
const GRAINE = Number(process.env.PASSERELLE_FUZZ_GRAINE ?? 20261204)
// 16 cas par cible (12 sur PostgreSQL, où la campagne éprouve surtout ce que la base refuse) : de quoi tenir `npm test` en 30 minutes.
const CAS = Number(process.env.PASSERELLE_FUZZ_CAS ?? (process.env.PASSERELLE_FUZZ_BASE === 'postgres' ? 12 : 16))
const SIMULTANES = 4

type Role = 'anonyme' | 'partielle' | 'operateur' | 'agent' | 'intervenant' | 'coordination' | 'financeur'
type Champ = { nom: string; valeurs: string[] }
type Formulaire = { action: string; champs: Champ[] }
type Envoi = { methode: string; chemin: string; entetes: Record<string, string>; corps?: string | FormData; decrit: string }
type Reponse = { statut: number; envoi: Envoi; extrait: string }

let portail: PortailDeTest
let url: string
const cookies: Partial<Record<Role, string>> = {}
const ids = { temoin: '', cible: '' }
const reponses: Reponse[] = []

// --- Lecture des formulaires d'une page -------------------------------------------------------

const entites = (t: string) => t.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
const attribut = (balise: string, nom: string) => {
  const m = balise.match(new RegExp(`\\s${nom}="([^"]*)"`))
  return m ? entites(m[1]!) : undefined
}

/** Les formulaires POST d'une page : leurs champs et, pour chacun, les valeurs que la page propose (cachées, options, boutons). */
function formulairesDe(html: string, chemin: string): Formulaire[] {
  const trouves: Formulaire[] = []
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    if ((attribut(m[1]!, 'method') ?? 'get').toLowerCase() !== 'post') continue
    const champs = new Map<string, Set<string>>()
    const ajouter = (nom: string | undefined, valeur: string | undefined) => {
      if (!nom) return
      const c = champs.get(nom) ?? new Set<string>()
      if (valeur !== undefined) c.add(valeur)
      champs.set(nom, c)
    }
    for (const e of m[2]!.matchAll(/<(input|button|textarea)\b([^>]*)>/g)) ajouter(attribut(e[2]!, 'name'), attribut(e[2]!, 'value'))
    for (const s of m[2]!.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
      const nom = attribut(s[1]!, 'name')
      ajouter(nom, undefined)
      for (const o of s[2]!.matchAll(/<option\b([^>]*)>/g)) ajouter(nom, attribut(o[1]!, 'value'))
    }
    trouves.push({ action: attribut(m[1]!, 'action') || chemin, champs: [...champs].map(([nom, v]) => ({ nom, valeurs: [...v] })) })
  }
  return trouves
}

// --- Valeurs mauvaises ------------------------------------------------------------------------

const CONSTANTES = [
  '', ' ', '\u0000', '\u0000abc', '\r\n\r\n', '\t', '\uFEFF', '\u202Eabc', '\uD800', '\uDFFF\uD800', '\u{1F4A9}', 'é'.normalize('NFD'),
  '-1', '0', '00', '1e309', '-0', 'NaN', 'Infinity', '9007199254740993', '99999999999999999999', '0x1F', '1.5', '١٢٣', ' 1 ', '+1',
  'true', 'null', 'undefined', '[]', '{}', '{"$ne":null}', '[object Object]', '__proto__', 'constructor', 'prototype', 'toString',
  '../../../../etc/passwd', '<script>alert(1)</script>', '"><svg onload=alert(1)>', "'; DROP TABLE saisines; --", '%00', '%', '${7*7}',
  '2026-02-30', '0000-00-00', '9999-12-31', '2026-13-01', '1900-01-01', '2026-12-04T25:61', '31/12/2026', '-000001-01-01', '275760-09-14',
  'a@b', '@', 'x@y@z', 'a@example.org\r\nBcc: b@example.org', 'mailto:a@example.org', 'agent@interieur.gouv.fr.example',
]
const texteMauvais = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...CONSTANTES) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double()).map(String) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('x', 'é', '\u0000', 'Ω ', '𝕏'), fc.integer({ min: 201, max: 60_000 })).map(([c, n]) => c.repeat(n)) },
)
/** Les noms inattendus : indices absurdes, clés d'objets de JavaScript, noms très longs ou vides. */
const nomIntrus = fc.oneof(
  fc.constantFrom('personnes.999999.nom', 'personnes.-1.nom', 'personnes.1e3.nom', 'personnes.__proto__.nom', 'personnes..nom', 'personnes.0', '__proto__', 'constructor', 'action[]', 'csrf[]', '', 'x'.repeat(5000)),
  fc.string({ unit: 'binary', maxLength: 20 }),
)
const GARDES = new Set(['csrf', 'action'])
const arbValeur = (c: Champ) => {
  const valides = c.valeurs.length ? fc.constantFrom(...c.valeurs) : fc.constant('')
  return GARDES.has(c.nom)
    ? fc.oneof({ weight: 12, arbitrary: valides }, { weight: 1, arbitrary: texteMauvais })
    : fc.oneof({ weight: 2, arbitrary: valides }, { weight: 3, arbitrary: texteMauvais })
}
const arbChamp = (c: Champ): fc.Arbitrary<[string, string][]> =>
  fc.oneof(
    { weight: 8, arbitrary: arbValeur(c).map((v) => [[c.nom, v] as [string, string]]) },
    { weight: 1, arbitrary: fc.constant<[string, string][]>([]) },
    { weight: 1, arbitrary: fc.array(arbValeur(c), { minLength: 2, maxLength: 3 }).map((vs) => vs.map((v) => [c.nom, v] as [string, string])) },
  )

const ENCODAGES = ['urlencoded', 'urlencoded', 'urlencoded', 'multipart', 'multipart', 'fichier', 'json', 'brut', 'multipart-casse', 'texte'] as const
type Encodage = (typeof ENCODAGES)[number]
/** En-têtes de travers : seulement des octets latins (fetch refuse le reste, un navigateur aussi). */
const asciiMauvais = fc.oneof(fc.constantFrom('', 'x', '*', 'fr-FR;q=abc,,;', '999.999.1.1, , ::ffff:zz', 'null', 'a'.repeat(4000)), fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((n) => String.fromCharCode(n)), maxLength: 40 }))
const arbEntetes = fc.record(
  {
    origine: fc.oneof({ weight: 8, arbitrary: fc.constant('portail') }, { weight: 1, arbitrary: fc.constantFrom('absente', 'null', 'http://ailleurs.example') }),
    'Accept-Language': asciiMauvais,
    'X-Forwarded-For': asciiMauvais,
    'X-Request-Id': asciiMauvais,
    Accept: fc.constantFrom('application/json', '*/*', 'text/html', 'x/y;;;'),
    cookieIntrus: fc.constantFrom('passerelle-saisie-en-attente=abc', 'passerelle-saisie-en-attente=%E9%ZZ', 'passerelle-session=', '__proto__=1', 'a=' + 'b'.repeat(3000)),
  },
  { requiredKeys: ['origine'] },
)

function corpsDe(entrees: [string, string][], encodage: Encodage, fichier: number): { corps: string | FormData; type?: string } {
  switch (encodage) {
    case 'urlencoded':
      return { corps: new URLSearchParams(entrees).toString(), type: 'application/x-www-form-urlencoded' }
    case 'texte':
      return { corps: new URLSearchParams(entrees).toString(), type: 'text/plain' }
    case 'json':
      return { corps: JSON.stringify(Object.fromEntries(entrees.map(([k, v], i) => [k, i % 2 ? [v, { v }] : v]))), type: 'application/json' }
    case 'brut':
      // Tel quel : séquences % invalides, octets seuls, séparateurs en trop.
      return { corps: `${entrees.map(([k, v]) => `${k}=${v}`).join('&')}&%&=%E9%ZZ&&a=%C3`, type: 'application/x-www-form-urlencoded' }
    case 'multipart-casse':
      return { corps: `--limite\r\nContent-Disposition: form-data; name="${entrees[0]?.[0] ?? 'x'}"\r\n\r\n${entrees[0]?.[1] ?? ''}`, type: 'multipart/form-data; boundary=autre' }
    case 'multipart':
    case 'fichier': {
      const fd = new FormData()
      entrees.forEach(([k, v], i) => {
        // Un fichier là où la page attend un texte : File au lieu de string côté serveur.
        if (encodage === 'fichier' && i === fichier % Math.max(1, entrees.length)) fd.append(k, new Blob([v], { type: 'application/octet-stream' }), `../${v.slice(0, 20)}.pdf`)
        else fd.append(k, v)
      })
      return { corps: fd }
    }
  }
}

function entetesDe(e: { origine: string } & Record<string, string | undefined>, cookie: string | undefined, type?: string): Record<string, string> {
  const h: Record<string, string> = {}
  if (e.origine === 'portail') h.Origin = url
  else if (e.origine !== 'absente') h.Origin = e.origine
  for (const nom of ['Accept-Language', 'X-Forwarded-For', 'X-Request-Id', 'Accept']) if (e[nom] !== undefined) h[nom] = e[nom]!
  const biscuits = [cookie, e.cookieIntrus].filter(Boolean)
  if (biscuits.length) h.Cookie = biscuits.join('; ')
  if (type) h['Content-Type'] = type
  return h
}

/** Les envois générés pour un formulaire (graine propre à la cible, pour qu'une cible ajoutée ne change pas les autres). */
function envoisFormulaire(f: Formulaire, role: Role, graine: number, proteger?: (entrees: [string, string][]) => [string, string][]): Envoi[] {
  const arb = fc.record({
    champs: fc.tuple(...f.champs.map(arbChamp)).map((l) => l.flat()),
    intrus: fc.array(fc.tuple(nomIntrus, texteMauvais), { maxLength: 2 }),
    encodage: fc.constantFrom(...ENCODAGES),
    fichier: fc.nat(20),
    entetes: arbEntetes,
  })
  return fc.sample(arb, { seed: graine, numRuns: CAS }).map((cas) => {
    const entrees = (proteger ?? ((x) => x))([...cas.champs, ...cas.intrus])
    const { corps, type } = corpsDe(entrees, cas.encodage, cas.fichier)
    return {
      methode: 'POST',
      chemin: f.action,
      entetes: entetesDe(cas.entetes, cookies[role], type),
      corps,
      decrit: `${role} POST ${f.action} [${cas.encodage}] ${JSON.stringify(entrees).slice(0, 400)}`,
    }
  })
}

const BRUTS = ['%', '%ZZ', '%E9', 'q=%C3', '&&==&', 'q[]=1&q[a]=2', 'page=1&page=2', '=', 'a=%00b', '%F0%9F%92', 'retour=//ailleurs.example', 'retour=/%2F%2Fexample.org']
/** Les envois générés pour une adresse lue en GET : paramètres connus et inconnus, répétés, de travers. */
function envoisParametres(chemin: string, noms: string[], role: Role, graine: number): Envoi[] {
  const arb = fc.record({
    parametres: fc.array(fc.tuple(noms.length ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...noms) }, { weight: 1, arbitrary: nomIntrus }) : nomIntrus, texteMauvais), { maxLength: 6 }),
    brut: fc.option(fc.constantFrom(...BRUTS)),
    entetes: arbEntetes,
  })
  return fc.sample(arb, { seed: graine, numRuns: CAS }).map((cas) => {
    // Une adresse reste sous quelques Ko (au-delà, c'est le proxy ou Node qui refuse, 431/414).
    const requete = [new URLSearchParams(cas.parametres.map(([k, v]) => [k, v.slice(0, 1500)])).toString(), cas.brut].filter(Boolean).join('&')
    const complet = `${chemin}?${requete}`
    return { methode: 'GET', chemin: complet, entetes: entetesDe(cas.entetes, cookies[role]), decrit: `${role} GET ${complet.slice(0, 400)}` }
  })
}

/** Les segments d'adresse de travers pour une route à paramètre (`[id]`, `[jeton]`…). */
function envoisSegments(modele: (segment: string) => string, role: Role, graine: number): Envoi[] {
  const segment = fc.oneof(
    fc.constantFrom('%', '%00', '%2F', '..%2F..%2Fetc', '-1', '0', '1e3', '0x10', '9'.repeat(30), '1.5', '%C3', 'NaN', '__proto__', 'a'.repeat(300)),
    texteMauvais.map((t) => encodeURIComponent(t.slice(0, 300))),
  )
  return fc.sample(segment, { seed: graine, numRuns: Math.ceil(CAS / 2) }).map((s) => ({ methode: 'GET', chemin: modele(s), entetes: entetesDe({ origine: 'portail' }, cookies[role]), decrit: `${role} GET ${modele(s).slice(0, 300)}` }))
}

// --- Envoi ------------------------------------------------------------------------------------

async function envoyer(e: Envoi): Promise<Reponse> {
  const r = await fetch(`${url}${e.chemin}`, { method: e.methode, headers: e.entetes, body: e.corps, redirect: 'manual' })
  const texte = await r.text()
  return { statut: r.status, envoi: e, extrait: texte.slice(0, 200) }
}

async function campagne(envois: Envoi[]) {
  let suivant = 0
  await Promise.all(
    Array.from({ length: SIMULTANES }, async () => {
      while (suivant < envois.length) {
        const e = envois[suivant++]!
        reponses.push(await envoyer(e))
      }
    }),
  )
}

const lirePage = async (chemin: string, role: Role) => (await fetch(`${url}${chemin}`, { headers: cookies[role] ? { Cookie: cookies[role]! } : {} })).text()

/** Graine d'une cible : la graine du test et le nom de la cible. */
const graineDe = (nom: string) => [...nom].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) | 0, GRAINE)

// --- Données de référence ---------------------------------------------------------------------

const TABLES_DE_REFERENCE = ['structures', 'services', 'sites', 'postes', 'permanences', 'referentiels', 'saisines', 'saisines_personnes', 'utilisateurs', 'vocabulaire']

/**
 * La base du portail : SQLite par défaut ; PostgreSQL quand PASSERELLE_FUZZ_BASE=postgres
 * (tests/e2e/entrees-mauvaises-postgres.test.ts), sur une base créée pour la campagne.
 */
const TYPE_BASE: 'sqlite' | 'postgres' = process.env.PASSERELLE_FUZZ_BASE === 'postgres' ? 'postgres' : 'sqlite'
const NOM_BASE_PG = `passerelle_fuzz_${process.pid}_${Date.now()}`
async function sqlPostgres<T>(base: string, f: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: `${serveurPostgres()}/${base}` })
  await client.connect()
  try {
    return await f(client)
  } finally {
    await client.end()
  }
}

/** Lecture seule de la base du portail, la même requête sur les deux moteurs (paramètres « ? »). */
type Lecteur = { lignes: (requete: string, ...parametres: unknown[]) => Promise<Record<string, unknown>[]> }
async function avecBase<T>(f: (db: Lecteur) => Promise<T>): Promise<T> {
  if (TYPE_BASE === 'postgres')
    return sqlPostgres(NOM_BASE_PG, (c) =>
      f({ lignes: async (requete, ...parametres) => (await c.query(requete.replace(/\?/g, (() => { let n = 0; return () => `$${++n}` })()), parametres)).rows }),
    )
  const db = new DatabaseSync(path.join(portail.dossier, 'passerelle.db'), { readOnly: true })
  try {
    return await f({ lignes: async (requete, ...parametres) => db.prepare(requete).all(...(parametres as number[])) as Record<string, unknown>[] })
  } finally {
    db.close()
  }
}
function etatDeReference() {
  return avecBase(async (db) => {
    const comptes: Record<string, number> = {}
    for (const t of TABLES_DE_REFERENCE) comptes[t] = Number((await db.lignes(`SELECT count(*) AS n FROM ${t}`))[0]!.n)
    const temoin = {
      saisine: (await db.lignes('SELECT * FROM saisines WHERE id = ?', Number(ids.temoin)))[0],
      personnes: await db.lignes('SELECT * FROM saisines_personnes WHERE _parent_id = ? ORDER BY _order', Number(ids.temoin)),
      actes: await db.lignes('SELECT * FROM actes WHERE saisine_id = ? ORDER BY id', Number(ids.temoin)),
      orientations: await db.lignes('SELECT * FROM orientations WHERE saisine_id = ? ORDER BY id', Number(ids.temoin)),
    }
    // PostgreSQL n'a pas d'équivalent à integrity_check : ses contraintes et ses types y pourvoient.
    const integrite = TYPE_BASE === 'sqlite' ? String((await db.lignes('PRAGMA integrity_check'))[0]!.integrity_check) : 'ok'
    return { comptes, temoin, integrite, horsSchema: await horsSchema(db) }
  })
}

/** Ce qui est en clair en base doit rester dans les valeurs que les schémas permettent, quoi qu'on ait envoyé. */
async function horsSchema(db: Lecteur): Promise<string[]> {
  const dans = (valeurs: object) => new Set(Object.keys(valeurs))
  const regles: [string, string, (v: unknown) => boolean][] = [
    ['saisines', 'statut', (v) => dans(STATUTS).has(String(v))],
    ['saisines', 'mode', (v) => dans(MODES_SAISINE).has(String(v))],
    ['saisines', 'nature', (v) => dans(NATURES_SAISINE).has(String(v))],
    ['saisines', 'profil', (v) => dans(PROFILS).has(String(v))],
    ['saisines', 'historique', (v) => Array.isArray(typeof v === 'string' ? JSON.parse(v) : v)],
    ['saisines_personnes', 'sexe', (v) => dans(SEXES).has(String(v))],
    ['saisines_personnes', 'situation_familiale', (v) => dans(SITUATIONS_FAMILIALES).has(String(v))],
    ['saisines_personnes', 'commune', (v) => v === null || /^01\d{3}$/.test(String(v))],
    ['signalements', 'motif', (v) => dans(MOTIFS_SIGNALEMENT).has(String(v))],
    ['signalements', 'message', (v) => String(v).trim().length >= 10 && String(v).length <= 2000],
  ]
  const fautes: string[] = []
  for (const [table, colonne, valide] of regles)
    for (const ligne of await db.lignes(`SELECT id, ${colonne} AS v FROM ${table}`))
      if (!valide(ligne.v)) fautes.push(`${table}#${String(ligne.id)}.${colonne} = ${JSON.stringify(ligne.v)?.slice(0, 80)}`)
  return fautes
}

const TEMOIN = { nom: 'Vandermeersch', prenom: 'Philomène', telephone: '06 98 76 54 32', texte: 'Témoin des entrées mauvaises : ce texte ne change jamais.' }
const CIBLE = { nom: 'Kerbrat', prenom: 'Anatole', telephone: '07 11 22 33 44', texte: 'Saisine offerte aux envois de travers.' }

/** Dépose une saisine comme l'agent le ferait : le formulaire de la page, rempli de valeurs valides. */
async function deposer(personne: typeof TEMOIN): Promise<string> {
  const html = await lirePage('/espace/saisines/nouvelle', 'agent')
  const form = formulairesDe(html, '/espace/saisines/nouvelle').find((f) => f.champs.some((c) => c.nom === 'personnes.0.nom'))
  if (!form) throw new Error('Formulaire de dépôt introuvable')
  const valeurs: Record<string, string> = {
    'personnes.0.nom': personne.nom,
    'personnes.0.prenom': personne.prenom,
    'personnes.0.dateNaissance': '1988-03-09',
    'personnes.0.situationFamiliale': 'separe',
    'personnes.0.commune': 'Bourg-en-Bresse',
    'personnes.0.telephone': personne.telephone,
    problematique: 'violences-conjugales',
    texteLibre: personne.texte,
    action: 'deposer',
  }
  const entrees = form.champs.map((c) => [c.nom, valeurs[c.nom] ?? c.valeurs.find((v) => v !== '') ?? ''] as [string, string])
  const r = await envoyerFormulaire(url, '/espace/saisines/nouvelle', Object.fromEntries(entrees), cookies.agent)
  const id = r.headers.get('location')?.match(/\/espace\/saisines\/(\d+)/)?.[1]
  if (r.status !== 303 || !id) throw new Error(`Dépôt impossible (HTTP ${r.status}) : ${(await r.text()).match(/fr-error-text[^>]*>([^<]*)/g)?.join(' ; ')}`)
  return id
}

beforeAll(async () => {
  const env: Record<string, string> = { SAISINES_EN_LIGNE: 'oui' }
  if (TYPE_BASE === 'postgres') {
    await sqlPostgres('postgres', (c) => c.query(`CREATE DATABASE ${NOM_BASE_PG}`))
    env.DATABASE_URL = `${serveurPostgres()}/${NOM_BASE_PG}`
  }
  portail = await demarrerPortailDeTest({ env })
  url = portail.url
  semer(portail.dossier, TEMOIN.nom, TEMOIN.prenom, TEMOIN.telephone, TEMOIN.texte, CIBLE.nom, CIBLE.prenom, CIBLE.telephone, CIBLE.texte)

  // L'installation, tant qu'aucun compte n'existe : aucun code généré ne peut être le bon.
  const installation = formulairesDe(await lirePage('/installation', 'anonyme'), '/installation')[0]
  if (!installation) throw new Error('Formulaire d’installation introuvable')
  await campagne(envoisFormulaire(installation, 'anonyme', graineDe('installation')))

  cookies.operateur = await sessionOperateur(url, portail.dossier)
  const comptes = await lirePage('/espace/comptes', 'operateur')
  const option = (id: string, libelle: string) => comptes.match(new RegExp(`id="${id}"[\\s\\S]*?<option value="(\\d+)"[^>]*>${libelle}<`))?.[1]
  const site = option('invitation-site', 'Commissariat de Bourg-en-Bresse')
  const poste = option('invitation-poste', 'Intervenant social – secteur Bresse-Dombes')
  const creer = (email: string, role: string, rattachement: { site?: string; poste?: string } = {}) =>
    creerCompteParInvitation(url, portail.dossier, cookies.operateur!, { email, motDePasse: `phrase-de-passe-${role}-entrees-mauvaises` }, role, rattachement)
  cookies.agent = await creer('agent.entrees@interieur.gouv.fr', 'agent-fsi', { site })
  cookies.intervenant = await creer('intervenant.entrees@example.org', 'intervenant', { poste })
  cookies.coordination = await creer('coordination.entrees@example.org', 'coordination')
  cookies.financeur = await creer('financeur.entrees@example.org', 'financeur')
  // Une session à mi-chemin (mot de passe vérifié, second facteur attendu, comme pour tout rôle hors agent FSI).
  cookies.partielle = cookieDeSession(await envoyerFormulaire(url, '/connexion', { email: 'intervenant.entrees@example.org', motDePasse: 'phrase-de-passe-intervenant-entrees-mauvaises' }))
  ids.temoin = await deposer(TEMOIN)
  ids.cible = await deposer(CIBLE)
}, 900_000)

afterAll(async () => {
  await portail?.arreter()
  if (TYPE_BASE === 'postgres') await sqlPostgres('postgres', (c) => c.query(`DROP DATABASE IF EXISTS ${NOM_BASE_PG} WITH (FORCE)`))
})

describe(`entrées mauvaises en nombre (${TYPE_BASE})`, () => {
  // Les cas que la campagne a trouvés (500 avant la correction), rejoués tels quels.
  it('un envoi qui n’est pas un formulaire lisible reçoit 415 ou 400 en français, pas 500', async () => {
    const envoi = (chemin: string, corps: string, type: string) =>
      fetch(`${url}${chemin}`, { method: 'POST', redirect: 'manual', headers: { Origin: url, 'Content-Type': type, Cookie: cookies.operateur! }, body: corps })
    for (const chemin of ['/connexion', '/annuaire/signaler', '/espace/comptes', `/espace/saisines/${ids.cible}`]) {
      const json = await envoi(chemin, '{"email":"a@example.org"}', 'application/json')
      expect(json.status, chemin).toBe(415)
      expect(await json.text()).toMatch(/^Envoi refusé : en-tête Content-Type : un formulaire est attendu/)
      const casse = await envoi(chemin, '--limite\r\nContent-Disposition: form-data; name="email"\r\n\r\nx', 'multipart/form-data; boundary=autre')
      expect(casse.status, chemin).toBe(400)
      expect(await casse.text()).toMatch(/^Formulaire illisible : /)
    }
  })

  it('l’API REST refuse en 400 une pagination de travers, en nommant le paramètre', async () => {
    for (const [requete, nom] of [
      ['structures?limit=1.5', 'limit'],
      ['structures?limit=a&limit=b', 'limit'],
      ['structures?limit%5Ba%5D=1', 'limit'],
      ['structures?page=4.9e137', 'page'],
      ['structures?where=abc', 'where'],
      ['structures?where%5Bid%5D%5Bin%5D=abc', 'where[id][in]'],
      ['services?where%5Bstructure%5D%5Bequals%5D=x', 'where[structure][equals]'],
    ]) {
      const r = await fetch(`${url}/api/${requete}`)
      expect(r.status, requete).toBe(400)
      expect(((await r.json()) as { errors: { message: string }[] }).errors[0]!.message).toContain(`« ${nom} »`)
    }
    expect((await fetch(`${url}/api/structures?limit=2&page=1&depth=0&where%5Bid%5D%5Bin%5D=1,2`)).status).toBe(200)
  })

  it('aucune réponse 5xx ; les données de référence et la saisine témoin sont intactes', async () => {
    const avant = await etatDeReference()
    expect(avant.integrite).toBe('ok')
    expect(avant.comptes.saisines).toBe(2)

    // Une invitation en attente, pour que /invitation/<jeton> aille jusqu'au choix du mot de passe.
    const pageComptes = await lirePage('/espace/comptes', 'operateur')
    const csrfOperateur = pageComptes.match(/name="csrf" value="([^"]*)"/)?.[1] ?? ''
    const invitation = await envoyerFormulaire(url, '/espace/comptes', { csrf: csrfOperateur, action: 'inviter', email: 'invitee.entrees@example.org', role: 'financeur', site: '', poste: '' }, cookies.operateur)
    const lienInvitation = (await invitation.text()).match(/\/invitation\/[a-z2-7]{32}/)?.[0]
    expect(lienInvitation).toBeTruthy()
    semer(portail.dossier, 'invitee.entrees@example.org')

    /** Les actions qui fermeraient la session du rôle ou toucheraient les comptes de ce test : leur identifiant est remplacé. */
    const comptesProteges = (entrees: [string, string][]) => {
      const action = entrees.find(([k]) => k === 'action')?.[1]
      if (!['suspendre', 'modifier', 'reactiver', 'reinitialiser-second-facteur', 'deconnecter-partout', 'revoquer'].includes(action ?? '')) return entrees
      return entrees.filter(([k]) => k !== 'action').concat([['action', `${action}-refuse`]])
    }

    const pages: { role: Role; page: string; proteger?: typeof comptesProteges }[] = [
      { role: 'anonyme', page: '/connexion' },
      { role: 'anonyme', page: lienInvitation! },
      { role: 'anonyme', page: '/annuaire/signaler?structure=s-bourg-en-bresse-ccas' },
      { role: 'partielle', page: '/connexion/second-facteur' },
      { role: 'agent', page: '/espace/saisines/nouvelle' },
      { role: 'agent', page: '/espace/compte', proteger: comptesProteges },
      { role: 'intervenant', page: '/espace/saisines/nouvelle' },
      { role: 'intervenant', page: `/espace/saisines/${ids.cible}` },
      { role: 'coordination', page: '/espace/saisines/acces-personne' },
      { role: 'coordination', page: '/espace/comptes', proteger: comptesProteges },
      { role: 'operateur', page: '/espace/comptes', proteger: comptesProteges },
      { role: 'operateur', page: '/espace/compte', proteger: comptesProteges },
      { role: 'coordination', page: '/espace/indicateurs' },
    ]
    const envois: Envoi[] = []
    for (const { role, page, proteger } of pages) {
      const html = await lirePage(page, role)
      const formulaires = formulairesDe(html, page.split('?')[0]!).filter((f) => !/\/deconnexion$/.test(f.action))
      expect(formulaires.length, `formulaires de ${page} (${role})`).toBeGreaterThan(0)
      for (const [i, f] of formulaires.entries()) envois.push(...envoisFormulaire(f, role, graineDe(`${role}${page}${i}`), proteger))
    }
    // Formulaires sans page à relever : la déconnexion (sans session), le rapport PDF des indicateurs (notes en POST).
    envois.push(...envoisFormulaire({ action: '/deconnexion', champs: [{ nom: 'csrf', valeurs: ['x'] }] }, 'anonyme', graineDe('deconnexion')))
    for (const role of ['coordination', 'financeur'] as const) {
      const csrf = (await lirePage('/espace/indicateurs', role)).match(/name="csrf" value="([^"]*)"/)?.[1] ?? ''
      const champs = ['type', 'annee', 'mois', 'trimestre', 'du', 'au', 'poste', 'unite', 'notes'].map((nom) => ({ nom, valeurs: [] as string[] }))
      envois.push(...envoisFormulaire({ action: '/espace/indicateurs/rapport.pdf?type=trimestre&annee=2026&trimestre=4', champs: [{ nom: 'csrf', valeurs: [csrf] }, ...champs] }, role, graineDe(`rapport${role}`)))
    }

    const PERIODE = ['type', 'annee', 'mois', 'trimestre', 'du', 'au', 'poste', 'unite']
    const RECHERCHE = ['q', 'commune', 'page', 'en_cours', 'exact', 'thematique', 'public', 'type', 'accueil', 'frais']
    const adresses: [Role, string, string[]][] = [
      ['anonyme', '/annuaire/recherche.json', RECHERCHE],
      ['anonyme', '/annuaire/recherche', RECHERCHE],
      ['anonyme', '/annuaire/resultats', RECHERCHE],
      ['anonyme', '/qui-contacter/commune', ['commune']],
      ['anonyme', '/annuaire/signaler', ['structure', 'envoye']],
      ['anonyme', '/connexion', ['retour', 'message']],
      ['anonyme', '/connexion/proconnect', ['retour']],
      ['anonyme', '/connexion/proconnect/retour', ['code', 'state', 'iss', 'error']],
      ['anonyme', '/installation', []],
      ['partielle', '/connexion/second-facteur', ['retour']],
      ['agent', '/espace/saisines', ['statut', 'unite', 'du', 'au', 'page']],
      ['agent', '/espace/saisines/nouvelle', ['fait']],
      ['intervenant', '/espace/saisines', ['statut', 'unite', 'du', 'au', 'page']],
      ['intervenant', `/espace/saisines/${ids.cible}`, ['q', 'fait', 'page']],
      ['coordination', '/espace/journal', ['action', 'compte', 'cible', 'adresse', 'du', 'au', 'page']],
      ['coordination', '/espace/journal/export.csv', ['action', 'compte', 'cible', 'adresse', 'du', 'au']],
      ['coordination', '/espace/indicateurs', PERIODE],
      ['coordination', '/espace/indicateurs/export.csv', PERIODE],
      ['coordination', '/espace/indicateurs/export.xlsx', PERIODE],
      ['coordination', '/espace/indicateurs/rapport.pdf', PERIODE],
      ['financeur', '/espace/indicateurs', PERIODE],
      ['financeur', '/espace/indicateurs/export.csv', PERIODE],
      ['operateur', '/espace/comptes', ['fait']],
      ['operateur', '/espace/indicateurs/export.xlsx', PERIODE],
      ['operateur', '/api/structures', ['where[nom][equals]', 'where[or][0][id][in]', 'limit', 'page', 'sort', 'depth', 'select[nom]']],
      ['anonyme', '/api/structures', ['where[nom][like]', 'limit', 'depth']],
      ['operateur', '/api/services', ['where[structure][in]', 'where[id][not_in]', 'where[and][0][structure][equals]', 'limit', 'page']],
    ]
    for (const [role, chemin, noms] of adresses) envois.push(...envoisParametres(chemin, noms, role, graineDe(`${role}${chemin}`)))
    const segments: [Role, (s: string) => string][] = [
      ['intervenant', (s) => `/espace/saisines/${s}`],
      ['agent', (s) => `/espace/saisines/${s}`],
      ['anonyme', (s) => `/invitation/${s}`],
      ['anonyme', (s) => `/annuaire/ouverture/${s}.json`],
      ['anonyme', (s) => `/annuaire/${s}`],
      ['anonyme', (s) => `/logigramme/${s}`],
      ['anonyme', (s) => `/qui-contacter/${s}`],
      ['anonyme', (s) => `/permanences/poste/${s}.ics`],
      ['anonyme', (s) => `/plaquettes/poste/${s}.pdf`],
    ]
    for (const [role, modele] of segments) envois.push(...envoisSegments(modele, role, graineDe(`${role}${modele('·')}`)))

    await campagne(envois)
    console.log(`Entrées mauvaises : ${reponses.length} envois (graine ${GRAINE}, ${CAS} cas par cible) ; statuts ${JSON.stringify(Object.fromEntries(Object.entries(Object.groupBy(reponses, (r) => String(r.statut))).map(([s, l]) => [s, l!.length])))}`)

    const erreurs = reponses.filter((r) => r.statut >= 500)
    expect(erreurs.map((r) => `${r.statut} ← ${r.envoi.decrit}`)).toEqual([])
    expect((await fetch(`${url}/sante`)).status).toBe(200)

    const apres = await etatDeReference()
    expect(apres.integrite).toBe('ok')
    expect(apres.horsSchema).toEqual([])
    expect(apres.comptes).toEqual(avant.comptes)
    expect(apres.temoin).toEqual(avant.temoin)
    // Toujours lisible (déchiffrée) par l'intervenant du poste.
    const page = await lirePage(`/espace/saisines/${ids.temoin}`, 'intervenant')
    expect(page).toContain(`${TEMOIN.prenom} ${TEMOIN.nom}`)
    expect(page).toContain(TEMOIN.texte)
  })
})
