// elf_verneed_rename: rename one "version needed" entry (an Elf64_Vernaux in
// .gnu.version_r / DT_VERNEED) of an ELF64 little-endian object, in place.
//
//   usage: elf_verneed_rename FILE OLD_VERSION NEW_VERSION
//
// The new name must have the same length as the old one: the name string in
// the dynamic string table is overwritten in place and vna_hash is set to the
// SysV ELF hash of the new name. Nothing else in the file moves.
//
// The tool refuses to edit (exit status 1, file untouched) unless it is safe:
//   * exactly one Vernaux entry is named OLD_VERSION and its hash is correct;
//   * no other reference in the dynamic string table (DT_NEEDED, DT_SONAME,
//     DT_RPATH/RUNPATH, other verneed/verdef names, dynamic symbol names)
//     overlaps the bytes being overwritten;
//   * no dynamic symbol still uses that version index (its reference would
//     otherwise silently be bound to NEW_VERSION instead);
//   * the section headers, when present, agree with the dynamic segment about
//     where .gnu.version_r and .dynstr live.
// Exit status 2 means OLD_VERSION was not found (nothing to do).

#include <elf.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <exception>
#include <string>
#include <vector>

namespace
{
    struct Failure
    {
        std::string message;
    };

    [[noreturn]] void fail(const std::string& message)
    {
        throw Failure{message};
    }

    uint32_t sysvElfHash(const char* name)
    {
        uint32_t h = 0;
        for (const unsigned char* p = reinterpret_cast<const unsigned char*>(name); *p != 0; ++p)
        {
            h = (h << 4) + *p;
            const uint32_t g = h & 0xf0000000u;
            if (g != 0)
            {
                h ^= g >> 24;
            }
            h &= ~g;
        }
        return h;
    }

    class Image
    {
    public:
        std::vector<unsigned char> bytes;

        bool inRange(uint64_t offset, uint64_t length) const
        {
            return offset <= bytes.size() && length <= bytes.size() - offset;
        }

        template <typename T>
        T read(uint64_t offset, const char* what) const
        {
            if (!inRange(offset, sizeof(T)))
            {
                fail(std::string("truncated or corrupt file (") + what + " out of bounds)");
            }
            T value;
            std::memcpy(&value, bytes.data() + offset, sizeof(T));
            return value;
        }

        template <typename T>
        void write(uint64_t offset, const T& value)
        {
            if (!inRange(offset, sizeof(T)))
            {
                fail("internal error: write out of bounds");
            }
            std::memcpy(bytes.data() + offset, &value, sizeof(T));
        }
    };

    struct Ref
    {
        uint64_t nameOffset; // offset into the dynamic string table
        std::string what;
    };

    struct Match
    {
        uint64_t auxFileOffset;
        Elf64_Vernaux aux;
    };

    std::vector<unsigned char> readFile(const char* path)
    {
        std::FILE* f = std::fopen(path, "rb");
        if (f == nullptr)
        {
            fail(std::string("cannot open: ") + std::strerror(errno));
        }
        std::vector<unsigned char> data;
        unsigned char buffer[1 << 16];
        size_t n;
        while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0)
        {
            data.insert(data.end(), buffer, buffer + n);
        }
        const bool error = std::ferror(f) != 0;
        std::fclose(f);
        if (error)
        {
            fail("read error");
        }
        return data;
    }

    void writeFile(const char* path, const std::vector<unsigned char>& data)
    {
        std::FILE* f = std::fopen(path, "r+b");
        if (f == nullptr)
        {
            fail(std::string("cannot open for writing: ") + std::strerror(errno));
        }
        const bool ok = std::fwrite(data.data(), 1, data.size(), f) == data.size();
        if (std::fclose(f) != 0 || !ok)
        {
            fail("write error");
        }
    }

    class Editor
    {
    public:
        explicit Editor(std::vector<unsigned char> data)
        {
            img_.bytes = std::move(data);
        }

        // Returns false when oldName is not referenced at all.
        bool rename(const std::string& oldName, const std::string& newName)
        {
            if (oldName.size() != newName.size() || oldName.empty())
            {
                fail("old and new version names must be non-empty and of equal length");
            }
            parseHeaders();
            parseDynamic();
            walkVerneed(oldName);
            walkVerdef();

            if (matches_.empty())
            {
                return false;
            }
            if (matches_.size() != 1)
            {
                fail("version " + oldName + " is required more than once; refusing to guess");
            }
            const Match& m = matches_.front();
            if (m.aux.vna_hash != sysvElfHash(oldName.c_str()))
            {
                fail("vna_hash of " + oldName + " is not its ELF hash; unexpected file");
            }

            const uint64_t begin = m.aux.vna_name;
            const uint64_t end = begin + oldName.size(); // exclusive; NUL at end stays
            checkNoOverlap(begin, end);
            checkVersionUnused(m.aux.vna_other, oldName);
            checkSectionHeaders();

            std::memcpy(img_.bytes.data() + strtabOff_ + begin, newName.data(), newName.size());
            Elf64_Vernaux aux = m.aux;
            aux.vna_hash = sysvElfHash(newName.c_str());
            img_.write(m.auxFileOffset, aux);
            return true;
        }

        const std::vector<unsigned char>& bytes() const
        {
            return img_.bytes;
        }

    private:
        Image img_;
        Elf64_Ehdr ehdr_{};
        std::vector<Elf64_Phdr> loads_;
        bool haveDynamic_ = false;
        Elf64_Phdr dynamicPhdr_{};

        uint64_t strtabAddr_ = 0, strsz_ = 0, strtabOff_ = 0;
        uint64_t verneedAddr_ = 0, verneedNum_ = 0, verneedOff_ = 0;
        uint64_t verdefAddr_ = 0, verdefNum_ = 0;
        uint64_t versymAddr_ = 0;
        uint64_t hashAddr_ = 0;
        bool haveStrtab_ = false, haveStrsz_ = false, haveVerneed_ = false, haveVerneedNum_ = false;
        bool haveVerdef_ = false, haveVersym_ = false, haveHash_ = false;

        std::vector<Ref> refs_;
        std::vector<Match> matches_;

        void parseHeaders()
        {
            if (img_.bytes.size() < sizeof(Elf64_Ehdr) || std::memcmp(img_.bytes.data(), ELFMAG, SELFMAG) != 0)
            {
                fail("not an ELF file");
            }
            ehdr_ = img_.read<Elf64_Ehdr>(0, "ELF header");
            if (ehdr_.e_ident[EI_CLASS] != ELFCLASS64)
            {
                fail("not a 64-bit ELF file");
            }
            if (ehdr_.e_ident[EI_DATA] != ELFDATA2LSB || __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__)
            {
                fail("only little-endian ELF files on little-endian hosts are supported");
            }
            if (ehdr_.e_type != ET_DYN && ehdr_.e_type != ET_EXEC)
            {
                fail("not a shared object or executable");
            }
            if (ehdr_.e_phnum == 0 || ehdr_.e_phentsize != sizeof(Elf64_Phdr))
            {
                fail("missing or unexpected program headers");
            }
            for (uint64_t i = 0; i < ehdr_.e_phnum; ++i)
            {
                const auto ph = img_.read<Elf64_Phdr>(ehdr_.e_phoff + i * sizeof(Elf64_Phdr), "program header");
                if (ph.p_type == PT_LOAD)
                {
                    loads_.push_back(ph);
                }
                else if (ph.p_type == PT_DYNAMIC)
                {
                    if (haveDynamic_)
                    {
                        fail("more than one PT_DYNAMIC");
                    }
                    haveDynamic_ = true;
                    dynamicPhdr_ = ph;
                }
            }
            if (!haveDynamic_)
            {
                fail("no dynamic segment");
            }
        }

        // Maps a virtual address range to a file offset, via the PT_LOAD
        // segments, exactly as the dynamic loader would see it.
        uint64_t fileOffset(uint64_t addr, uint64_t length, const char* what) const
        {
            for (const auto& ph : loads_)
            {
                if (addr >= ph.p_vaddr && addr - ph.p_vaddr <= ph.p_filesz && length <= ph.p_filesz - (addr - ph.p_vaddr))
                {
                    const uint64_t off = ph.p_offset + (addr - ph.p_vaddr);
                    if (!img_.inRange(off, length))
                    {
                        break;
                    }
                    return off;
                }
            }
            fail(std::string(what) + " is not inside a loaded segment of the file");
        }

        void parseDynamic()
        {
            const uint64_t count = dynamicPhdr_.p_filesz / sizeof(Elf64_Dyn);
            for (uint64_t i = 0; i < count; ++i)
            {
                const auto d = img_.read<Elf64_Dyn>(dynamicPhdr_.p_offset + i * sizeof(Elf64_Dyn), "dynamic entry");
                const uint64_t v = d.d_un.d_val;
                switch (d.d_tag)
                {
                case DT_NULL:
                    i = count;
                    break;
                case DT_STRTAB: strtabAddr_ = v; haveStrtab_ = true; break;
                case DT_STRSZ: strsz_ = v; haveStrsz_ = true; break;
                case DT_VERNEED: verneedAddr_ = v; haveVerneed_ = true; break;
                case DT_VERNEEDNUM: verneedNum_ = v; haveVerneedNum_ = true; break;
                case DT_VERDEF: verdefAddr_ = v; haveVerdef_ = true; break;
                case DT_VERDEFNUM: verdefNum_ = v; break;
                case DT_VERSYM: versymAddr_ = v; haveVersym_ = true; break;
                case DT_HASH: hashAddr_ = v; haveHash_ = true; break;
                case DT_NEEDED: refs_.push_back({v, "DT_NEEDED"}); break;
                case DT_SONAME: refs_.push_back({v, "DT_SONAME"}); break;
                case DT_RPATH: refs_.push_back({v, "DT_RPATH"}); break;
                case DT_RUNPATH: refs_.push_back({v, "DT_RUNPATH"}); break;
                case DT_AUXILIARY: refs_.push_back({v, "DT_AUXILIARY"}); break;
                case DT_FILTER: refs_.push_back({v, "DT_FILTER"}); break;
                default: break;
                }
            }
            if (!haveStrtab_ || !haveStrsz_)
            {
                fail("dynamic section lacks DT_STRTAB/DT_STRSZ");
            }
            strtabOff_ = fileOffset(strtabAddr_, strsz_, "dynamic string table");
            if (strsz_ == 0 || img_.bytes[strtabOff_ + strsz_ - 1] != 0)
            {
                fail("dynamic string table is not NUL-terminated");
            }
            if (!haveVerneed_ || !haveVerneedNum_)
            {
                verneedNum_ = 0;
                return;
            }
            verneedOff_ = fileOffset(verneedAddr_, sizeof(Elf64_Verneed), ".gnu.version_r");
        }

        std::string stringAt(uint64_t nameOffset, const char* what) const
        {
            if (nameOffset >= strsz_)
            {
                fail(std::string(what) + " name offset outside the dynamic string table");
            }
            const char* s = reinterpret_cast<const char*>(img_.bytes.data() + strtabOff_ + nameOffset);
            return std::string(s); // NUL-terminated: checked in parseDynamic
        }

        void walkVerneed(const std::string& oldName)
        {
            uint64_t addr = verneedAddr_;
            for (uint64_t i = 0; i < verneedNum_; ++i)
            {
                const uint64_t off = fileOffset(addr, sizeof(Elf64_Verneed), "Verneed entry");
                const auto vn = img_.read<Elf64_Verneed>(off, "Verneed entry");
                if (vn.vn_version != VER_NEED_CURRENT)
                {
                    fail("unsupported Verneed version");
                }
                stringAt(vn.vn_file, "Verneed file");
                refs_.push_back({vn.vn_file, "verneed file name"});

                uint64_t auxAddr = addr + vn.vn_aux;
                for (uint64_t j = 0; j < vn.vn_cnt; ++j)
                {
                    const uint64_t auxOff = fileOffset(auxAddr, sizeof(Elf64_Vernaux), "Vernaux entry");
                    const auto aux = img_.read<Elf64_Vernaux>(auxOff, "Vernaux entry");
                    if (stringAt(aux.vna_name, "Vernaux") == oldName)
                    {
                        matches_.push_back({auxOff, aux});
                    }
                    else
                    {
                        refs_.push_back({aux.vna_name, "version " + stringAt(aux.vna_name, "Vernaux")});
                    }
                    if (j + 1 < vn.vn_cnt)
                    {
                        if (aux.vna_next == 0)
                        {
                            fail("Vernaux chain ends early");
                        }
                        auxAddr += aux.vna_next;
                    }
                }
                if (i + 1 < verneedNum_)
                {
                    if (vn.vn_next == 0)
                    {
                        fail("Verneed chain ends early");
                    }
                    addr += vn.vn_next;
                }
            }
        }

        void walkVerdef()
        {
            if (!haveVerdef_)
            {
                return;
            }
            uint64_t addr = verdefAddr_;
            for (uint64_t i = 0; i < verdefNum_; ++i)
            {
                const auto vd = img_.read<Elf64_Verdef>(fileOffset(addr, sizeof(Elf64_Verdef), "Verdef entry"), "Verdef entry");
                uint64_t auxAddr = addr + vd.vd_aux;
                for (uint64_t j = 0; j < vd.vd_cnt; ++j)
                {
                    const auto aux = img_.read<Elf64_Verdaux>(fileOffset(auxAddr, sizeof(Elf64_Verdaux), "Verdaux entry"), "Verdaux entry");
                    stringAt(aux.vda_name, "Verdaux");
                    refs_.push_back({aux.vda_name, "version definition"});
                    if (aux.vda_next == 0)
                    {
                        break;
                    }
                    auxAddr += aux.vda_next;
                }
                if (vd.vd_next == 0)
                {
                    break;
                }
                addr += vd.vd_next;
            }
        }

        // Dynamic symbol table location and size. The count comes from the
        // section headers (or DT_HASH when there are none).
        bool dynsym(uint64_t& off, uint64_t& count) const
        {
            for (uint64_t i = 0; i < sectionCount(); ++i)
            {
                const auto sh = section(i);
                if (sh.sh_type == SHT_DYNSYM)
                {
                    if (sh.sh_entsize != sizeof(Elf64_Sym) || !img_.inRange(sh.sh_offset, sh.sh_size))
                    {
                        fail("unexpected .dynsym section header");
                    }
                    off = sh.sh_offset;
                    count = sh.sh_size / sizeof(Elf64_Sym);
                    return true;
                }
            }
            if (haveHash_)
            {
                const uint64_t h = fileOffset(hashAddr_, 8, "DT_HASH table");
                count = img_.read<uint32_t>(h + 4, "DT_HASH nchain");
                off = 0;
                return true;
            }
            return false;
        }

        uint64_t sectionCount() const
        {
            if (ehdr_.e_shoff == 0 || ehdr_.e_shnum == 0)
            {
                return 0;
            }
            if (ehdr_.e_shentsize != sizeof(Elf64_Shdr))
            {
                fail("unexpected section header size");
            }
            return ehdr_.e_shnum;
        }

        Elf64_Shdr section(uint64_t i) const
        {
            return img_.read<Elf64_Shdr>(ehdr_.e_shoff + i * sizeof(Elf64_Shdr), "section header");
        }

        void checkNoOverlap(uint64_t begin, uint64_t end)
        {
            auto overlaps = [&](uint64_t nameOff) {
                if (nameOff >= end)
                {
                    return false;
                }
                // A string starting before `begin` reaches into it unless it ends first.
                const uint64_t len = std::strlen(reinterpret_cast<const char*>(img_.bytes.data() + strtabOff_ + nameOff));
                return nameOff + len > begin;
            };
            for (const auto& r : refs_)
            {
                if (r.nameOffset < strsz_ && overlaps(r.nameOffset))
                {
                    fail("the version string is shared with " + r.what + "; refusing to overwrite it");
                }
            }
            uint64_t symOff = 0, symCount = 0;
            if (dynsym(symOff, symCount) && symOff != 0)
            {
                for (uint64_t i = 0; i < symCount; ++i)
                {
                    const auto sym = img_.read<Elf64_Sym>(symOff + i * sizeof(Elf64_Sym), "dynamic symbol");
                    if (sym.st_name != 0 && sym.st_name < strsz_ && overlaps(sym.st_name))
                    {
                        fail("the version string is shared with a dynamic symbol name; refusing to overwrite it");
                    }
                }
            }
        }

        void checkVersionUnused(uint16_t index, const std::string& name)
        {
            if (!haveVersym_)
            {
                return; // no symbol versions at all
            }
            uint64_t symOff = 0, symCount = 0;
            if (!dynsym(symOff, symCount))
            {
                fail("cannot determine the number of dynamic symbols");
            }
            const uint64_t versymOff = fileOffset(versymAddr_, symCount * sizeof(uint16_t), ".gnu.version");
            for (uint64_t i = 0; i < symCount; ++i)
            {
                const auto v = img_.read<uint16_t>(versymOff + i * sizeof(uint16_t), "versym entry");
                if ((v & 0x7fff) == index)
                {
                    std::string symName = "#" + std::to_string(i);
                    if (symOff != 0)
                    {
                        const auto sym = img_.read<Elf64_Sym>(symOff + i * sizeof(Elf64_Sym), "dynamic symbol");
                        symName = stringAt(sym.st_name, "symbol");
                    }
                    fail("symbol " + symName + " still requires " + name + "; clear its version first");
                }
            }
        }

        // Tools (readelf, objdump, strip, patchelf) use the section headers;
        // make sure they describe the same tables the loader uses.
        void checkSectionHeaders() const
        {
            const uint64_t n = sectionCount();
            for (uint64_t i = 0; i < n; ++i)
            {
                const auto sh = section(i);
                if (sh.sh_type != SHT_GNU_verneed)
                {
                    continue;
                }
                if (sh.sh_offset != verneedOff_ || sh.sh_addr != verneedAddr_)
                {
                    fail(".gnu.version_r section header disagrees with DT_VERNEED");
                }
                if (sh.sh_link >= n)
                {
                    fail(".gnu.version_r has an invalid sh_link");
                }
                const auto str = section(sh.sh_link);
                if (str.sh_offset != strtabOff_ || str.sh_addr != strtabAddr_)
                {
                    fail(".dynstr section header disagrees with DT_STRTAB");
                }
            }
        }
    };
}

int main(int argc, char** argv)
{
    if (argc != 4)
    {
        std::fprintf(stderr, "usage: %s FILE OLD_VERSION NEW_VERSION\n", argv[0]);
        return 64;
    }
    try
    {
        Editor editor(readFile(argv[1]));
        if (!editor.rename(argv[2], argv[3]))
        {
            std::fprintf(stderr, "%s: %s: no version requirement named %s\n", argv[0], argv[1], argv[2]);
            return 2;
        }
        writeFile(argv[1], editor.bytes());
        return 0;
    }
    catch (const Failure& f)
    {
        std::fprintf(stderr, "%s: %s: %s\n", argv[0], argv[1], f.message.c_str());
        return 1;
    }
    catch (const std::exception& e)
    {
        std::fprintf(stderr, "%s: %s: %s\n", argv[0], argv[1], e.what());
        return 1;
    }
}
