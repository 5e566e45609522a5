package io.isotrace.cpu.linux;

import java.nio.file.Path;

/** A directory opened by the guest (for getdents64, fstat, fchdir and as the base of *at calls). */
final class HostDirectory extends OpenFile {
    private final Path host;
    private final String guestPath;
    private final GuestFileSystem fs;
    private DirectoryListing listing;

    HostDirectory(int flags, Path host, String guestPath, GuestFileSystem fs) {
        super(flags);
        this.host = host;
        this.guestPath = guestPath;
        this.fs = fs;
    }

    @Override
    long read(byte[] b, int off, int len) {
        throw new SyscallError(Errno.EISDIR);
    }

    @Override
    long seek(long offset, int whence) {
        return listing().seek(offset, whence);
    }

    @Override
    FileStat stat() {
        return fs.statGuest(guestPath, host);
    }

    @Override
    String directoryPath() {
        return guestPath;
    }

    @Override
    DirectoryListing listing() {
        if (listing == null) {
            listing = fs.list(guestPath, host);
        }
        return listing;
    }

    @Override
    String describe() {
        return guestPath;
    }
}
