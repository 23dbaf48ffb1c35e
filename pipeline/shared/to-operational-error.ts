// Shared (all stages): turns what the machine refuses (permissions, a full disk, a path of the wrong kind, SQLite's
// own I/O and integrity errors) into a PipelineError with a Vietnamese message that names the path and what to do.
// The CLI and the batch stage both use it, so a clerk never reads an English stack for an operational fault.
import { PipelineError } from './pipeline-error.ts';

/** What the caller knows about the place of the error, for errors that carry no path (SQLite's). */
export interface OperationalContext {
  /** The database file in use. */
  database?: string;
}

type ErrnoText = (where: string) => string;

const ERRNO: Record<string, ErrnoText> = {
  EACCES: (p) => `Không có quyền truy cập ${p}. Hãy cấp quyền đọc/ghi cho tài khoản chạy kehoach, hoặc chọn đường dẫn khác.`,
  EPERM: (p) => `Hệ điều hành không cho phép thao tác trên ${p}. Hãy kiểm tra quyền của tài khoản chạy kehoach, hoặc chọn đường dẫn khác.`,
  EROFS: (p) => `Ổ đĩa chứa ${p} chỉ cho phép đọc. Hãy chọn thư mục trên ổ đĩa ghi được.`,
  ENOSPC: (p) => `Ổ đĩa chứa ${p} đã hết chỗ trống. Hãy giải phóng chỗ trống (hoặc chọn ổ đĩa khác) rồi chạy lại; các tệp đã ghi trước đó không bị ảnh hưởng.`,
  EDQUOT: (p) => `Tài khoản chạy kehoach đã dùng hết hạn mức ổ đĩa khi ghi ${p}. Hãy giải phóng chỗ trống rồi chạy lại.`,
  ENOENT: (p) => `Không thấy ${p}. Hãy kiểm tra lại đường dẫn.`,
  ENOTDIR: (p) => `Đường dẫn ${p} đi qua một tệp, không phải thư mục. Hãy chọn thư mục khác.`,
  EISDIR: (p) => `${p} là một thư mục, không phải tệp. Hãy chỉ đến một tệp.`,
  EEXIST: (p) => `${p} đã có sẵn và không thể thay.`,
  ENAMETOOLONG: (p) => `Đường dẫn ${p} quá dài. Hãy dùng thư mục có đường dẫn ngắn hơn.`,
  EMFILE: (p) => `Quá nhiều tệp đang mở cùng lúc khi mở ${p}. Hãy đóng bớt chương trình rồi chạy lại.`,
  ENFILE: (p) => `Máy đang mở quá nhiều tệp khi mở ${p}. Hãy chạy lại sau.`,
  EIO: (p) => `Lỗi đọc/ghi của ổ đĩa tại ${p}. Hãy kiểm tra ổ đĩa rồi chạy lại.`,
  EBUSY: (p) => `${p} đang bị chương trình khác giữ. Hãy đóng chương trình đó rồi chạy lại.`,
  ETXTBSY: (p) => `${p} đang bị chương trình khác giữ. Hãy đóng chương trình đó rồi chạy lại.`,
};

const RESTORE = 'Hãy khôi phục tệp từ bản lưu gần nhất (hoặc chỉ --db đến tệp đúng) rồi chạy lại lệnh.';

function sqliteMessage(code: string, db: string): string | null {
  if (code === 'SQLITE_FULL') return ERRNO.ENOSPC!(db);
  if (code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_CORRUPT_') || code === 'SQLITE_NOTADB') {
    return `Cơ sở dữ liệu ${db} bị hỏng hoặc không phải tệp cơ sở dữ liệu của kehoach. ${RESTORE}`;
  }
  if (code === 'SQLITE_READONLY_DBMOVED') {
    return `Cơ sở dữ liệu ${db} đã bị xoá hoặc thay bằng tệp khác trong lúc chạy: số liệu của lượt này không được lưu. ${RESTORE}`;
  }
  if (code.startsWith('SQLITE_READONLY')) return `Không ghi được vào cơ sở dữ liệu ${db}: tệp hoặc thư mục chứa nó chỉ cho phép đọc. Hãy cấp quyền ghi rồi chạy lại.`;
  if (code.startsWith('SQLITE_CANTOPEN')) return `Không mở được cơ sở dữ liệu ${db}: thư mục không có, không có quyền, hoặc đó là một thư mục. Hãy kiểm tra đường dẫn --db.`;
  if (code.startsWith('SQLITE_IOERR')) return `Lỗi đọc/ghi ổ đĩa khi dùng cơ sở dữ liệu ${db} (${code}). Hãy kiểm tra ổ đĩa và chỗ trống rồi chạy lại; nếu lỗi còn, khôi phục tệp từ bản lưu.`;
  if (code === 'SQLITE_PERM' || code === 'SQLITE_AUTH') return ERRNO.EACCES!(db);
  return null;
}

/**
 * The Vietnamese PipelineError for an operational error, or null when the error is not one (a bug, which the
 * caller reports as unexpected). Looks through `cause` chains.
 * @returns PipelineError('io') for file system errors, PipelineError('database') for SQLite's
 */
export function toOperationalError(error: unknown, context: OperationalContext = {}): PipelineError | null {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = (e as Error).cause, depth++) {
    const code = (e as NodeJS.ErrnoException).code;
    if (typeof code !== 'string') continue;
    if (code.startsWith('SQLITE_')) {
      const message = sqliteMessage(code, context.database ?? 'đang dùng');
      if (message) return new PipelineError('database', message, { cause: error });
      continue;
    }
    const text = ERRNO[code];
    if (text) {
      const where = (e as NodeJS.ErrnoException & { dest?: string }).path ?? 'đường dẫn đang dùng';
      return new PipelineError('io', `${text(where)} (${code})`, { cause: error });
    }
  }
  return null;
}
