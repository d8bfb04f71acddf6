import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { isIP } from 'node:net'
import path from 'node:path'
import { z } from 'zod'

import { DOMAINES_PAR_DEFAUT, type DomainesParRole } from '../domaine/acces/invitations'
import type { Role } from '../domaine/acces/roles'
import { decoderCle, nouvelleCle } from './chiffrement'

/**
 * Configuration du portail, lue une seule fois au démarrage et validée avec zod :
 * une variable absente ou mal formée arrête le démarrage avec un message en
 * français qui la nomme, plutôt qu'une erreur obscure plus tard.
 */

function adresseOuReseau(entree: string): boolean {
  const [adresse = '', masque, ...reste] = entree.split('/')
  const famille = isIP(adresse)
  if (famille === 0 || reste.length > 0) return false
  return masque === undefined || (/^\d+$/.test(masque) && Number(masque) <= (famille === 4 ? 32 : 128))
}

/** Les valeurs de .env.example (« a-remplacer-par-… ») : jamais acceptées comme secret. */
const VALEUR_D_EXEMPLE = /a-remplacer/i

const secret = (nom: string) =>
  z
    .string()
    .optional()
    .refine(
      (v) => !v || !VALEUR_D_EXEMPLE.test(v),
      `${nom} vaut encore la valeur d’exemple de .env.example : générez-en une avec « openssl rand -hex 32 ».`,
    )

/** « agent-fsi » → INVITATION_DOMAINES_AGENT_FSI : une variable par rôle, facile à écrire dans un .env. */
export const variableDomaines = (role: Role) => `INVITATION_DOMAINES_${role.toUpperCase().replace(/-/g, '_')}`

const NOM_DE_DOMAINE = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/

/**
 * Domaines de courriel permis pour un rôle : liste séparée par des virgules, ou
 * « * » pour tout domaine ; absente ou vide, la valeur par défaut du rôle.
 */
const domainesInvitation = (role: Role) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      const brut = v?.trim()
      if (!brut) return DOMAINES_PAR_DEFAUT[role]
      if (brut === '*') return null
      const domaines = brut.split(',').map((d) => d.trim().toLowerCase()).filter(Boolean)
      for (const d of domaines)
        if (!NOM_DE_DOMAINE.test(d))
          ctx.addIssue({
            code: 'custom',
            message: `${variableDomaines(role)} : « ${d} » n’est pas un nom de domaine (exemple : « interieur.gouv.fr ») ; séparez les domaines par des virgules, ou écrivez « * » pour accepter tout domaine.`,
          })
      return domaines
    })

const ADRESSE_ELECTRONIQUE = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/

const schemaEnvironnement = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test'], {
      error: 'NODE_ENV doit valoir « development », « production » ou « test ».',
    }).default('development'),
    DATABASE_URL: z
      .string()
      .trim()
      .optional()
      .refine(
        (v) => !v || /^(postgres(ql)?|mongodb(\+srv)?|file):/.test(v),
        'DATABASE_URL doit commencer par « postgres:// », « mongodb:// » ou « file: » (ou être absente pour la base SQLite embarquée).',
      ),
    // Écriture sur disque de la base SQLite (voir README, « Bases de données ») : NORMAL par défaut.
    SQLITE_SYNCHRONOUS: z
      .enum(['NORMAL', 'FULL'], { error: 'SQLITE_SYNCHRONOUS doit valoir « NORMAL » ou « FULL ».' })
      .default('NORMAL'),
    PAYLOAD_SECRET: secret('PAYLOAD_SECRET').refine(
      (v) => !v || v.length >= 32,
      'PAYLOAD_SECRET doit contenir au moins 32 caractères.',
    ),
    PASSERELLE_DONNEES: z.string().optional(),
    PORT: z.coerce
      .number({ error: 'PORT doit être un nombre.' })
      .int('PORT doit être un entier.')
      .min(1, 'PORT doit être compris entre 1 et 65535.')
      .max(65535, 'PORT doit être compris entre 1 et 65535.')
      .default(3000),
    HOST: z.string().default('127.0.0.1'),
    PASSERELLE_URL: z.url({ error: 'PASSERELLE_URL doit être une URL complète (https://…).' }).optional(),
    // Adresses (ou réseaux en notation CIDR) des proxys dont on croit X-Forwarded-For et X-Forwarded-Proto.
    PASSERELLE_PROXYS: z
      .string()
      .default('127.0.0.1')
      .transform((v) => v.split(',').map((a) => a.trim()).filter(Boolean))
      .refine(
        (liste) => liste.every(adresseOuReseau),
        'PASSERELLE_PROXYS doit lister des adresses IP ou des réseaux CIDR séparés par des virgules (ex. « 127.0.0.1,172.16.0.0/12 »).',
      ),
    PUBLICATION_DELAI_MS: z.coerce
      .number({ error: 'PUBLICATION_DELAI_MS doit être un nombre de millisecondes.' })
      .int()
      .min(0)
      .max(600_000, 'PUBLICATION_DELAI_MS ne peut dépasser 600000 (10 minutes).')
      .default(3000),
    // Sans valeur : « oui » en développement, « non » en production (pas de numéros fictifs montrés aux forces de l'ordre).
    ANNUAIRE_DEMO: z.enum(['oui', 'non'], { error: 'ANNUAIRE_DEMO doit valoir « oui » ou « non ».' }).optional(),
    MEILI_URL: z.url({ error: 'MEILI_URL doit être une URL (http://meilisearch:7700).' }).optional(),
    MEILI_MASTER_KEY: secret('MEILI_MASTER_KEY'),
    // Clé de chiffrement au repos des secrets relus par le serveur (second facteur) : 32 octets en hexadécimal ou base64.
    PASSERELLE_CLE_CHIFFREMENT: secret('PASSERELLE_CLE_CHIFFREMENT').refine(
      (v) => !v || decoderCle(v) !== null,
      'PASSERELLE_CLE_CHIFFREMENT doit contenir 32 octets : 64 caractères hexadécimaux (« openssl rand -hex 32 ») ou 44 caractères base64 (« openssl rand -base64 32 »).',
    ),
    // Anciennes clés de chiffrement, encore lues le temps d'une rotation (« npm run cles:rotation » rechiffre avec la clé actuelle).
    PASSERELLE_CLES_ANCIENNES: z
      .string()
      .optional()
      .transform((v) => (v ?? '').split(',').map((c) => c.trim()).filter(Boolean))
      .refine(
        (liste) => liste.every((c) => decoderCle(c) !== null),
        'PASSERELLE_CLES_ANCIENNES doit lister, séparées par des virgules, des clés de 32 octets (64 caractères hexadécimaux ou 44 base64).',
      ),
    // Clé de la pseudonymisation des personnes (HMAC) : stable, distincte de la clé de chiffrement,
    // pour que compter les bénéficiaires distincts survive à une rotation et à l'effacement des identités.
    PASSERELLE_CLE_PSEUDONYMISATION: secret('PASSERELLE_CLE_PSEUDONYMISATION').refine(
      (v) => !v || decoderCle(v) !== null,
      'PASSERELLE_CLE_PSEUDONYMISATION doit contenir 32 octets : 64 caractères hexadécimaux (« openssl rand -hex 32 ») ou 44 caractères base64.',
    ),
    // Clé des sauvegardes (npm run sauvegarde) : distincte des clés des données, gardée ailleurs qu'elles.
    PASSERELLE_CLE_SAUVEGARDE: secret('PASSERELLE_CLE_SAUVEGARDE').refine(
      (v) => !v || decoderCle(v) !== null,
      'PASSERELLE_CLE_SAUVEGARDE doit contenir 32 octets : 64 caractères hexadécimaux (« openssl rand -hex 32 ») ou 44 caractères base64.',
    ),
    // Dépôt des saisines en ligne par les agents : « oui » seulement après acceptation du portail comme canal dans l'AIPD de la préfecture.
    SAISINES_EN_LIGNE: z.enum(['oui', 'non'], { error: 'SAISINES_EN_LIGNE doit valoir « oui » ou « non ».' }).default('non'),
    // Durée de conservation des données personnelles d'une saisine clôturée (les champs statistiques restent).
    RETENTION_SAISINES_MOIS: z.coerce
      .number({ error: 'RETENTION_SAISINES_MOIS doit être un nombre de mois.' })
      .int('RETENTION_SAISINES_MOIS doit être un nombre entier de mois.')
      .min(1, 'RETENTION_SAISINES_MOIS doit valoir au moins 1 mois.')
      .max(120, 'RETENTION_SAISINES_MOIS ne peut dépasser 120 (10 ans).')
      .default(24),
    // Secret statistique des indicateurs vus par le financeur : une case de moins de N personnes est masquée.
    INDICATEURS_SEUIL_SECRET: z.coerce
      .number({ error: 'INDICATEURS_SEUIL_SECRET doit être un nombre de personnes.' })
      .int('INDICATEURS_SEUIL_SECRET doit être un nombre entier de personnes.')
      .min(2, 'INDICATEURS_SEUIL_SECRET doit valoir au moins 2 (à 1, aucune case ne serait masquée).')
      .max(100, 'INDICATEURS_SEUIL_SECRET ne peut dépasser 100.')
      .default(5),
    // Sessions de l'espace connecté et de l'admin (un seul mécanisme) : expirations d'inactivité et absolue.
    SESSION_INACTIVITE_MINUTES: z.coerce
      .number({ error: 'SESSION_INACTIVITE_MINUTES doit être un nombre de minutes.' })
      .int('SESSION_INACTIVITE_MINUTES doit être un nombre entier de minutes.')
      .min(1, 'SESSION_INACTIVITE_MINUTES doit valoir au moins 1 minute.')
      .max(24 * 60, 'SESSION_INACTIVITE_MINUTES ne peut dépasser 1440 (24 heures).')
      .default(30),
    SESSION_DUREE_MAX_HEURES: z.coerce
      .number({ error: 'SESSION_DUREE_MAX_HEURES doit être un nombre d’heures.' })
      .positive('SESSION_DUREE_MAX_HEURES doit être positive.')
      .max(7 * 24, 'SESSION_DUREE_MAX_HEURES ne peut dépasser 168 (une semaine).')
      .default(12),
    // « connecte » : toute page du portail, statique ou non, exige une session (portail hébergé hors de l'intranet de l'État).
    PORTAIL_ACCES: z
      .enum(['ouvert', 'connecte'], { error: 'PORTAIL_ACCES doit valoir « ouvert » (intranet de l’État) ou « connecte » (toute page exige une session).' })
      .default('ouvert'),
    // Connexion facultative avec ProConnect (fédération d'identité de l'État) : les trois ou aucune.
    PROCONNECT_ISSUER: z.url({ error: 'PROCONNECT_ISSUER doit être une URL (ex. « https://auth.agentconnect.gouv.fr/api/v2 »).' }).optional(),
    PROCONNECT_CLIENT_ID: z.string().trim().optional(),
    PROCONNECT_CLIENT_SECRET: secret('PROCONNECT_CLIENT_SECRET'),
    // Niveaux d'authentification (claim « acr ») qui valent second facteur. ProConnect reprend les
    // niveaux eIDAS : eidas1 faible, eidas2 substantiel (« renforcé »), eidas3 élevé ; seuls les deux
    // derniers exigent plus d'un facteur. Source : documentation ProConnect,
    // https://github.com/numerique-gouv/proconnect-documentation/blob/main/doc_fi/fonctionnement_fca_fi/fca_niveau_eidas_fi.md
    // (le claim « amr » contenant « mfa » compte aussi : socle/proconnect.ts).
    PROCONNECT_ACR_MFA: z
      .string()
      .default('eidas2,eidas3')
      .transform((v) => v.split(',').map((a) => a.trim()).filter(Boolean))
      .refine((liste) => liste.length > 0, 'PROCONNECT_ACR_MFA doit lister au moins une valeur d’acr séparée par des virgules (ex. « eidas2,eidas3 »).'),
    // Serveur d'envoi des courriels (invitations). Absent : le lien d'invitation est montré une fois à l'écran.
    SMTP_URL: z.string().trim().optional().refine(
      (v) => !v || (/^smtps?:\/\/[^\s]+$/.test(v) && URL.canParse(v)),
      'SMTP_URL doit commencer par « smtp:// » (STARTTLS) ou « smtps:// » (TLS direct), par exemple « smtps://utilisateur:motdepasse@smtp.example.org:465 ».',
    ),
    COURRIEL_EXPEDITEUR: z
      .string()
      .trim()
      .optional()
      .refine((v) => !v || ADRESSE_ELECTRONIQUE.test(v), 'COURRIEL_EXPEDITEUR doit être une adresse électronique (exemple : « ne-pas-repondre@passerelle.example.org »).'),
    INVITATION_DOMAINES_AGENT_FSI: domainesInvitation('agent-fsi'),
    INVITATION_DOMAINES_INTERVENANT: domainesInvitation('intervenant'),
    INVITATION_DOMAINES_OPERATEUR: domainesInvitation('operateur'),
    INVITATION_DOMAINES_COORDINATION: domainesInvitation('coordination'),
    INVITATION_DOMAINES_FINANCEUR: domainesInvitation('financeur'),
  })
  .superRefine((env, ctx) => {
    if (env.DATABASE_URL && VALEUR_D_EXEMPLE.test(env.DATABASE_URL)) {
      ctx.addIssue({
        code: 'custom',
        path: ['DATABASE_URL'],
        message: 'DATABASE_URL contient encore un mot de passe d’exemple (« a-remplacer… ») : générez-le avec « openssl rand -hex 32 ».',
      })
    }
    if (env.NODE_ENV === 'production' && !env.PASSERELLE_URL?.startsWith('https://')) {
      ctx.addIssue({
        code: 'custom',
        path: ['PASSERELLE_URL'],
        message:
          'PASSERELLE_URL est obligatoire en production et doit commencer par « https:// » (adresse publique servie par le proxy TLS) : sans elle, les cookies de session circuleraient en clair.',
      })
    }
    if (env.NODE_ENV === 'production' && !env.PAYLOAD_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['PAYLOAD_SECRET'],
        message: 'PAYLOAD_SECRET est obligatoire en production (au moins 32 caractères, voir .env.example).',
      })
    }
    if (env.NODE_ENV === 'production' && !env.PASSERELLE_CLE_CHIFFREMENT) {
      ctx.addIssue({
        code: 'custom',
        path: ['PASSERELLE_CLE_CHIFFREMENT'],
        message:
          'PASSERELLE_CLE_CHIFFREMENT est obligatoire en production (« openssl rand -hex 32 ») : elle chiffre les secrets du second facteur dans la base. Gardez-la hors de la base et de ses sauvegardes ; la perdre oblige chaque compte à réenrôler son second facteur.',
      })
    }
    if (env.NODE_ENV === 'production' && !env.PASSERELLE_CLE_PSEUDONYMISATION) {
      ctx.addIssue({
        code: 'custom',
        path: ['PASSERELLE_CLE_PSEUDONYMISATION'],
        message:
          'PASSERELLE_CLE_PSEUDONYMISATION est obligatoire en production (« openssl rand -hex 32 ») : elle pseudonymise les personnes des saisines pour les indicateurs. Ne la changez jamais : les bénéficiaires déjà comptés ne seraient plus reconnus.',
      })
    }
    const proconnect = { PROCONNECT_ISSUER: env.PROCONNECT_ISSUER, PROCONNECT_CLIENT_ID: env.PROCONNECT_CLIENT_ID, PROCONNECT_CLIENT_SECRET: env.PROCONNECT_CLIENT_SECRET }
    if (Object.values(proconnect).some(Boolean)) {
      for (const [nom, valeur] of Object.entries(proconnect)) {
        if (!valeur)
          ctx.addIssue({
            code: 'custom',
            path: [nom],
            message: `${nom} manque : la connexion avec ProConnect demande PROCONNECT_ISSUER, PROCONNECT_CLIENT_ID et PROCONNECT_CLIENT_SECRET ensemble (ou aucune des trois pour s’en passer).`,
          })
      }
    }
    if (env.NODE_ENV === 'production' && env.PROCONNECT_ISSUER && !env.PROCONNECT_ISSUER.startsWith('https://')) {
      ctx.addIssue({
        code: 'custom',
        path: ['PROCONNECT_ISSUER'],
        message: 'PROCONNECT_ISSUER doit commencer par « https:// » en production : les jetons d’identité ne circulent jamais en clair.',
      })
    }
    if (env.SMTP_URL && !env.COURRIEL_EXPEDITEUR) {
      ctx.addIssue({
        code: 'custom',
        path: ['COURRIEL_EXPEDITEUR'],
        message: 'COURRIEL_EXPEDITEUR est obligatoire quand SMTP_URL est définie : c’est l’adresse d’expédition des invitations (exemple : « ne-pas-repondre@passerelle.example.org »).',
      })
    }
    if (env.MEILI_URL && !env.MEILI_MASTER_KEY && env.NODE_ENV === 'production') {
      ctx.addIssue({
        code: 'custom',
        path: ['MEILI_MASTER_KEY'],
        message: 'MEILI_MASTER_KEY est obligatoire quand MEILI_URL est définie en production.',
      })
    }
  })

export type TypeBase = 'sqlite' | 'postgres' | 'mongodb'

export type Configuration = {
  environnement: 'development' | 'production' | 'test'
  racine: string
  dossierDonnees: string
  /**
   * `synchrone` (SQLite seulement) : NORMAL, en mode WAL, n'attend pas le disque à chaque
   * validation (un arrêt brutal du processus ne perd rien ; une coupure de courant peut
   * perdre les dernières secondes, la base restant cohérente) ; FULL l'attend.
   */
  base: { type: TypeBase; url: string; synchrone: 'NORMAL' | 'FULL' }
  secret: string
  port: number
  hote: string
  urlPublique?: string
  /** Proxys de confiance (adresses ou réseaux CIDR) : seuls leurs en-têtes X-Forwarded-* sont crus. */
  proxysDeConfiance: string[]
  /** Cookies de session « Secure » : toujours en production, et dès que l'URL publique est en HTTPS. */
  cookiesSecurises: boolean
  publicationDelaiMs: number
  /** Amorcer l'annuaire de démonstration (contacts fictifs) : oui par défaut, non en production. */
  annuaireDemo: boolean
  meilisearch?: { url: string; cle?: string }
  /** Clé maîtresse (32 octets) du chiffrement au repos (socle/chiffrement.ts). */
  cleChiffrement: Buffer
  /** Clés précédentes, lues (jamais écrites) pendant une rotation. */
  clesAnciennes: Buffer[]
  /** Clé HMAC de la clé pseudonyme des personnes (domaine/saisines/cle-personne.ts). */
  clePseudonymisation: Buffer
  /** Clé des sauvegardes ; null en production sans PASSERELLE_CLE_SAUVEGARDE (la commande le refuse alors). */
  cleSauvegarde: Buffer | null
  /** Saisines : dépôt en ligne par les agents (après l'AIPD), conservation des données personnelles. */
  saisines: { enLigne: boolean; retentionMois: number }
  /** Indicateurs : seuil du secret statistique pour le financeur (domaine/indicateurs/secret-statistique.ts). */
  indicateurs: { seuilSecret: number }
  /** Expirations des sessions, en millisecondes. */
  sessions: { inactiviteMs: number; absolueMs: number }
  /** « connecte » : tout le portail derrière la connexion. */
  portailAcces: 'ouvert' | 'connecte'
  /** Connexion avec ProConnect, quand ses trois réglages sont donnés. */
  proconnect?: ConfigurationProConnect
  /** Envoi des courriels par SMTP ; absent, l'invitant voit le lien une fois à l'écran. */
  courriel?: { smtpUrl: string; expediteur: string }
  /** Domaines de courriel permis par rôle pour une invitation (null : tout domaine). */
  invitations: { domaines: DomainesParRole }
}

export type ConfigurationProConnect = {
  /** Émetteur OpenID Connect (la découverte lit `<issuer>/.well-known/openid-configuration`). */
  issuer: string
  clientId: string
  clientSecret: string
  /** Valeurs d'acr qui attestent une authentification multi-facteur. */
  acrMfa: string[]
}

export class ErreurConfiguration extends Error {
  constructor(public readonly problemes: string[]) {
    super(`Configuration invalide :\n${problemes.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'ErreurConfiguration'
  }
}

/** Racine du dépôt : le code s'exécute aussi depuis des chunks compilés, on ne se fie donc pas à import.meta.url. */
export const racineDuProjet = () => process.env.PASSERELLE_RACINE ?? process.cwd()

function typeDeBase(url: string): TypeBase {
  if (url.startsWith('postgres')) return 'postgres'
  if (url.startsWith('mongodb')) return 'mongodb'
  return 'sqlite'
}

/** Un secret de développement est généré une fois dans data/ (ignoré par git) : aucun secret n'est commité. */
function secretDeDeveloppement(dossierDonnees: string): string {
  const fichier = path.join(dossierDonnees, 'secret-developpement.txt')
  if (existsSync(fichier)) return readFileSync(fichier, 'utf8').trim()
  mkdirSync(dossierDonnees, { recursive: true })
  const secret = randomBytes(32).toString('hex')
  writeFileSync(fichier, secret, { mode: 0o600 })
  return secret
}

/**
 * Hors production, sans PASSERELLE_CLE_CHIFFREMENT, une clé est générée une fois
 * dans data/, comme le secret de développement : les secrets chiffrés d'une base
 * de développement restent lisibles d'un démarrage à l'autre.
 */
function cleDeDeveloppement(dossierDonnees: string, nom = 'cle-chiffrement-developpement.txt'): Buffer {
  const fichier = path.join(dossierDonnees, nom)
  const existante = existsSync(fichier) ? decoderCle(readFileSync(fichier, 'utf8')) : null
  if (existante) return existante
  mkdirSync(dossierDonnees, { recursive: true })
  const cle = nouvelleCle()
  writeFileSync(fichier, cle, { mode: 0o600 })
  return decoderCle(cle)!
}

/** Dossier des données (PASSERELLE_DONNEES, relatif à la racine) : le démarrage le vérifie avant de lire le reste. */
export const dossierDesDonnees = (env: Record<string, string | undefined> = process.env) =>
  path.resolve(env.PASSERELLE_RACINE ?? process.cwd(), env.PASSERELLE_DONNEES ?? 'data')

export function lireConfiguration(env: Record<string, string | undefined> = process.env): Configuration {
  // Next (à l'exécution comme à la construction) et la construction d'Astro tournent
  // avec NODE_ENV=production, même pour un portail lancé en développement : le
  // serveur leur transmet son propre environnement (serveur/application.ts), pour
  // que les règles de production ne s'appliquent qu'à une vraie production.
  const resultat = schemaEnvironnement.safeParse({ ...env, NODE_ENV: env.PASSERELLE_ENVIRONNEMENT ?? env.NODE_ENV })
  if (!resultat.success) {
    throw new ErreurConfiguration(
      resultat.error.issues.map((i) => `${i.path.join('.') || 'configuration'} : ${i.message}`),
    )
  }
  const e = resultat.data
  const racine = env.PASSERELLE_RACINE ?? process.cwd()
  const dossierDonnees = dossierDesDonnees(env)
  const url = e.DATABASE_URL || `file:${path.join(dossierDonnees, 'passerelle.db')}`
  return {
    environnement: e.NODE_ENV,
    racine,
    dossierDonnees,
    base: { type: typeDeBase(url), url, synchrone: e.SQLITE_SYNCHRONOUS },
    secret: e.PAYLOAD_SECRET ?? secretDeDeveloppement(dossierDonnees),
    port: e.PORT,
    hote: e.HOST,
    urlPublique: e.PASSERELLE_URL,
    proxysDeConfiance: e.PASSERELLE_PROXYS,
    cookiesSecurises: e.NODE_ENV === 'production' || Boolean(e.PASSERELLE_URL?.startsWith('https:')),
    publicationDelaiMs: e.PUBLICATION_DELAI_MS,
    annuaireDemo: (e.ANNUAIRE_DEMO ?? (e.NODE_ENV === 'production' ? 'non' : 'oui')) === 'oui',
    meilisearch: e.MEILI_URL ? { url: e.MEILI_URL, cle: e.MEILI_MASTER_KEY } : undefined,
    cleChiffrement: e.PASSERELLE_CLE_CHIFFREMENT ? decoderCle(e.PASSERELLE_CLE_CHIFFREMENT)! : cleDeDeveloppement(dossierDonnees),
    clesAnciennes: e.PASSERELLE_CLES_ANCIENNES.map((c) => decoderCle(c)!),
    clePseudonymisation: e.PASSERELLE_CLE_PSEUDONYMISATION
      ? decoderCle(e.PASSERELLE_CLE_PSEUDONYMISATION)!
      : cleDeDeveloppement(dossierDonnees, 'cle-pseudonymisation-developpement.txt'),
    saisines: { enLigne: e.SAISINES_EN_LIGNE === 'oui', retentionMois: e.RETENTION_SAISINES_MOIS },
    indicateurs: { seuilSecret: e.INDICATEURS_SEUIL_SECRET },
    // En production, pas de clé générée : une sauvegarde chiffrée avec une clé posée à côté de la base ne protège rien.
    cleSauvegarde: e.PASSERELLE_CLE_SAUVEGARDE
      ? decoderCle(e.PASSERELLE_CLE_SAUVEGARDE)!
      : e.NODE_ENV === 'production'
        ? null
        : cleDeDeveloppement(dossierDonnees, 'cle-sauvegarde-developpement.txt'),
    sessions: { inactiviteMs: e.SESSION_INACTIVITE_MINUTES * 60_000, absolueMs: Math.round(e.SESSION_DUREE_MAX_HEURES * 3_600_000) },
    portailAcces: e.PORTAIL_ACCES,
    proconnect:
      e.PROCONNECT_ISSUER && e.PROCONNECT_CLIENT_ID && e.PROCONNECT_CLIENT_SECRET
        ? { issuer: e.PROCONNECT_ISSUER, clientId: e.PROCONNECT_CLIENT_ID, clientSecret: e.PROCONNECT_CLIENT_SECRET, acrMfa: e.PROCONNECT_ACR_MFA }
        : undefined,
    courriel: e.SMTP_URL && e.COURRIEL_EXPEDITEUR ? { smtpUrl: e.SMTP_URL, expediteur: e.COURRIEL_EXPEDITEUR } : undefined,
    invitations: {
      domaines: {
        'agent-fsi': e.INVITATION_DOMAINES_AGENT_FSI,
        intervenant: e.INVITATION_DOMAINES_INTERVENANT,
        operateur: e.INVITATION_DOMAINES_OPERATEUR,
        coordination: e.INVITATION_DOMAINES_COORDINATION,
        financeur: e.INVITATION_DOMAINES_FINANCEUR,
      } satisfies DomainesParRole,
    },
  }
}

let enCache: Configuration | undefined
/** La configuration du processus, lue au premier appel. */
/** Le fichier d'une base SQLite, d'après son URL (`file:/chemin/passerelle.db`). */
export const cheminSqlite = (url: string) => url.replace(/^file:/, '')

export function configuration(): Configuration {
  enCache ??= lireConfiguration()
  return enCache
}
