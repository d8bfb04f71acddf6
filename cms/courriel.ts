import type { EmailAdapter } from 'payload'

/**
 * Sans serveur SMTP configuré, Payload écrirait les courriels (adresse,
 * contenu, liens de réinitialisation) dans le journal : c'est interdit ici,
 * aucune donnée personnelle ne va dans les journaux. Ce transport refuse
 * l'envoi et ne journalise que le fait.
 */
export const courrielDesactive: EmailAdapter = ({ payload }) => ({
  name: 'courriel-desactive',
  defaultFromAddress: 'ne-pas-repondre@passerelle.invalid',
  defaultFromName: 'Passerelle',
  sendEmail: async () => {
    payload.logger.warn('Courriel non envoyé : aucun serveur d’envoi n’est configuré (contenu non journalisé).')
  },
})
