import Avatar from '@mui/material/Avatar';
import type { Account } from '../../../shared/domain/account';
import { allowedAvatarUrl, initialOf } from './account-label';

/** An account's avatar; decorative, because its login is always written beside it. */
export function AccountAvatar({ account, size = 24 }: { account: Account; size?: number }) {
  const src = allowedAvatarUrl(account.avatarUrl) ?? undefined;
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
