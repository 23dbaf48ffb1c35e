// CLI: `kehoach user add` creates a staff account of the desk (or, with --update, resets its password and role).
// The password is typed at the terminal (hidden) or read from standard input, never given as an option.
import { defineCommand, EXIT } from '../define-command.ts';
import { addDeskUser, DESK_ROLES, ROLE_LABELS, type DeskRole } from '../../desk/add-desk-user.ts';
import { readPassword } from '../../desk/read-password.ts';

export const userCommand = defineCommand({
  name: 'user',
  summary: 'Tạo tài khoản cán bộ dùng bàn làm việc: kehoach user add --username TÊN --role chuyen_vien|lanh_dao',
  positionals: [{ name: 'action', description: 'add: tạo (hoặc với --update: đặt lại) một tài khoản', values: ['add'], required: true }],
  args: {
    username: { type: 'string', description: 'tên đăng nhập (chữ không dấu, số, . - _)', hint: 'TÊN', required: true },
    name: { type: 'string', description: 'họ và tên hiển thị', hint: '"HỌ TÊN"' },
    role: { type: 'enum', values: DESK_ROLES, required: true, description: 'chuyen_vien: mọi việc trừ chốt số liệu; lanh_dao: cả chốt và mở lại kỳ' },
    update: { type: 'boolean', description: 'tài khoản đã có: đặt lại mật khẩu, vai trò, họ tên' },
  },
  examples: ['kehoach user add --username lan --name "Nguyễn Thị Lan" --role chuyen_vien', 'echo "$MAT_KHAU" | kehoach user add --username hung --role lanh_dao'],
  needs: { database: 'write', createsDatabase: true },
  async run({ args, database, out }) {
    const password = await readPassword();
    const user = await addDeskUser(database.sqlite, {
      username: args.username,
      displayName: args.name,
      role: args.role as DeskRole,
      password,
      update: args.update,
    });
    out(`${args.update ? 'Đã cập nhật' : 'Đã tạo'} tài khoản ${user.username} (${user.displayName}, ${ROLE_LABELS[user.role]}).`);
    return EXIT.ok;
  },
});
