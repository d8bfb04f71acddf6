import type { AddressInfo } from 'node:net'

import { SMTPServer } from 'smtp-server'

/**
 * Un vrai serveur SMTP (le paquet `smtp-server`) dans le processus du test, sur
 * 127.0.0.1 : le portail lui envoie ses courriels par nodemailer, le test lit
 * ce qui est arrivé. Jamais de relais réel.
 */
export type CourrielRecu = { destinataires: string[]; texte: string }
export type ServeurSmtp = { url: string; recus: CourrielRecu[]; fermer: () => Promise<void> }

/** Corps d'un message en « quoted-printable » (nodemailer l'emploie pour le texte accentué) ramené à du texte. */
const decoder = (brut: string) =>
  Buffer.from(brut.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8')

export async function demarrerServeurSmtp(): Promise<ServeurSmtp> {
  const recus: CourrielRecu[] = []
  const serveur = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(flux, session, fini) {
      let brut = ''
      flux.setEncoding('utf8')
      flux.on('data', (morceau: string) => (brut += morceau))
      flux.on('end', () => {
        recus.push({ destinataires: session.envelope.rcptTo.map((r) => r.address), texte: decoder(brut) })
        fini()
      })
    },
  })
  await new Promise<void>((ok) => serveur.listen(0, '127.0.0.1', ok))
  return {
    url: `smtp://127.0.0.1:${(serveur.server.address() as AddressInfo).port}`,
    recus,
    fermer: () => new Promise<void>((ok) => serveur.close(() => ok())),
  }
}
