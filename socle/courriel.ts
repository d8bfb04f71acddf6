import nodemailer from 'nodemailer'

import { ROLES, type Role } from '../domaine/acces/roles'
import { instantEnMots } from '../domaine/temps'

/**
 * Envoi des courriels du portail par SMTP (nodemailer), quand SMTP_URL est
 * configurée. Un courriel ne porte aucune donnée personnelle (ni nom, ni
 * identité de l'invitant) et aucun secret autre que le lien à usage unique :
 * une boîte relevée par un tiers ou un relais non chiffré n'apprend rien
 * d'autre (cahier des charges, « Cadre juridique et déontologique », RGPD).
 * Rien n'est journalisé : nodemailer se tait par défaut, et une erreur
 * d'envoi est remontée sans le contenu du message.
 */
export type Courriel = { a: string; sujet: string; texte: string }

export type Expediteur = { envoyer: (courriel: Courriel) => Promise<void>; fermer: () => void }

export function creerExpediteur(config: { smtpUrl: string; expediteur: string }): Expediteur {
  const transport = nodemailer.createTransport(config.smtpUrl)
  return {
    envoyer: async ({ a, sujet, texte }) => {
      try {
        await transport.sendMail({ from: { name: 'Passerelle', address: config.expediteur }, to: a, subject: sujet, text: texte })
      } catch (erreur) {
        // Le message d'erreur de nodemailer peut citer le destinataire ; seul son code sort d'ici.
        throw new ErreurEnvoiCourriel((erreur as { code?: string }).code ?? 'inconnu')
      }
    },
    fermer: () => transport.close(),
  }
}

/**
 * Le relais répond-il ? Connexion SMTP réelle (EHLO, STARTTLS et authentification
 * comprises, par nodemailer `verify`), avec des délais courts : la sonde de santé
 * ne doit pas attendre les 2 minutes par défaut. Seul le code d'erreur sort
 * (ECONNREFUSED, EAUTH…), jamais le message, qui peut citer l'adresse du relais.
 */
export async function verifierRelais(smtpUrl: string, delaiMs = 3000): Promise<{ ok: true } | { ok: false; code: string }> {
  const transport = nodemailer.createTransport({ url: smtpUrl, connectionTimeout: delaiMs, greetingTimeout: delaiMs, socketTimeout: delaiMs })
  try {
    await transport.verify()
    return { ok: true }
  } catch (erreur) {
    const code = (erreur as { code?: unknown }).code
    return { ok: false, code: typeof code === 'string' && /^[A-Z_]{2,40}$/.test(code) ? code : 'inconnu' }
  } finally {
    transport.close()
  }
}

export class ErreurEnvoiCourriel extends Error {
  constructor(public readonly code: string) {
    super(`Le courriel n’a pas pu être envoyé (serveur SMTP : ${code}).`)
    this.name = 'ErreurEnvoiCourriel'
  }
}

/**
 * Le courriel d'invitation : le rôle (il dit à la personne à quoi sert le
 * compte), l'échéance et le lien. Ni son nom, ni celui de l'invitant, ni le
 * rattachement.
 */
export function courrielInvitation({ lien, role, expireLe }: { lien: string; role: Role; expireLe: Date }): Omit<Courriel, 'a'> {
  return {
    sujet: 'Passerelle : votre invitation à créer un compte',
    texte: [
      'Bonjour,',
      '',
      `Un compte vous attend sur Passerelle, le portail des intervenants sociaux en commissariat et gendarmerie de l’Ain, avec le rôle « ${ROLES[role]} ».`,
      '',
      `Pour le créer et choisir votre mot de passe, ouvrez ce lien avant le ${instantEnMots(expireLe, { avecAnnee: true })} (heure de Paris) :`,
      '',
      lien,
      '',
      'Ce lien ne sert qu’une fois. Ne le transférez pas : il ouvre un compte à votre nom.',
      'Si vous n’attendiez pas cette invitation, ignorez ce message : sans vous, aucun compte ne sera créé.',
      '',
      'Passerelle – message automatique, merci de ne pas y répondre.',
    ].join('\n'),
  }
}
