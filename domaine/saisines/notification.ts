/**
 * Le courriel qui prévient l'intervenant du secteur qu'une saisine l'attend.
 *
 * Il ne contient AUCUNE donnée personnelle (issue 11 : « by e-mail without any
 * personal data: just "une saisine vous attend" and a link ») : ni nom, ni
 * commune, ni profil, ni problématique, ni unité qui saisit. Cahier des
 * charges, « Cadre juridique et déontologique » : une transmission par un
 * canal non sécurisé s'accompagne de mesures garantissant la confidentialité ;
 * le courriel n'est pas ce canal, il renvoie à l'espace connecté, où la
 * saisine se lit après connexion et selon les droits du compte.
 *
 * La signature ne prend que l'adresse du portail, l'identifiant technique de
 * la saisine (un numéro, pas une donnée personnelle) et l'urgence : rien
 * d'autre ne peut s'y glisser. L'identifiant est vérifié (lettres, chiffres,
 * tirets) pour qu'un appel maladroit ne fasse pas passer un texte par l'URL.
 */

export type CourrielNotification = { sujet: string; texte: string; html: string }

export const SUJET_NOUVELLE_SAISINE = 'Une saisine vous attend'

const RE_ID = /^[A-Za-z0-9_-]{1,64}$/

export class NotificationInvalide extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'NotificationInvalide'
  }
}

/** Lien absolu vers la saisine dans l'espace ; l'adresse du portail peut avoir un chemin (« https://exemple.fr/passerelle/ »). */
export function lienSaisine(urlPublique: string, id: string | number): string {
  let base: URL
  try {
    base = new URL(urlPublique)
  } catch {
    throw new NotificationInvalide(`Adresse du portail : URL absolue attendue (reçu « ${urlPublique} »)`)
  }
  if (base.protocol !== 'https:' && base.protocol !== 'http:') throw new NotificationInvalide('Adresse du portail : http ou https attendu')
  const texteId = String(id)
  if (!RE_ID.test(texteId)) throw new NotificationInvalide('Identifiant de la saisine : lettres, chiffres et tirets seulement')
  return `${base.origin}${base.pathname.replace(/\/+$/, '')}/espace/saisines/${texteId}`
}

const echapper = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

export function courrielNouvelleSaisine({ urlPublique, id, urgence }: { urlPublique: string; id: string | number; urgence: boolean }): CourrielNotification {
  const lien = lienSaisine(urlPublique, id)
  const annonce = 'Une saisine vous attend sur Passerelle, le portail des intervenants sociaux en commissariat et gendarmerie de l’Ain.'
  const urgente = 'Elle est marquée urgente.'
  const pourquoi =
    'Ce message ne dit rien de la personne ni de la situation, volontairement : elles se lisent seulement dans votre espace, après connexion.'
  const pied = 'Passerelle – message automatique, merci de ne pas y répondre.'
  const texte = [
    'Bonjour,',
    '',
    annonce,
    ...(urgence ? [urgente] : []),
    '',
    'Pour la lire, connectez-vous puis ouvrez ce lien :',
    '',
    lien,
    '',
    pourquoi,
    '',
    pied,
  ].join('\n')
  const html = [
    '<!doctype html>',
    '<html lang="fr"><head><meta charset="utf-8"><title>Une saisine vous attend</title></head><body>',
    '<p>Bonjour,</p>',
    `<p>${echapper(annonce)}${urgence ? ` <strong>${echapper(urgente)}</strong>` : ''}</p>`,
    `<p>Pour la lire, connectez-vous puis ouvrez ce lien&nbsp;: <a href="${echapper(lien)}">${echapper(lien)}</a></p>`,
    `<p>${echapper(pourquoi)}</p>`,
    `<p>${echapper(pied)}</p>`,
    '</body></html>',
  ].join('\n')
  return { sujet: SUJET_NOUVELLE_SAISINE, texte, html }
}
