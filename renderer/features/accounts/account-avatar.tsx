import Avatar from '@mui/material/Avatar';
import type { Account } from '../../../shared/domain/account';
import { allowedAvatarUrl, initialOf } from './account-label';
import { useLoadedAvatar } from './avatar-loads';

/**
 * An account's avatar; decorative, because its login is always written beside
 * it. The login's initial until the image has loaded, and for good if it
 * could not be (offline): see avatar-loads.ts.
 */
export function AccountAvatar({ account, size = 24 }: { account: Account; size?: number }) {
  const src = useLoadedAvatar(allowedAvatarUrl(account.avatarUrl));
  return (
    <Avatar
      src={src}
      alt=""
      aria-hidden
      sx={{
        width: size,
        height: size,
        fontSize: size * 0.5,
        bgcolor: 'primary.main',
        color: 'primary.contrastText',
      }}
      slotProps={{ img: { referrerPolicy: 'no-referrer' } }}
    >
      {initialOf(account.login)}
    </Avatar>
  );
}
