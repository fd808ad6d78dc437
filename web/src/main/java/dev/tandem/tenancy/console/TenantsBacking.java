package dev.tandem.tenancy.console;

import dev.tandem.platform.Caller;
import dev.tandem.platform.Page;
import dev.tandem.tenancy.TenantView;
import dev.tandem.tenancy.Tenants;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** tenants.xhtml: the paged list of the tenants the caller may see. */
@Named
@ViewScoped
public class TenantsBacking implements Serializable {

    @Inject
    Tenants tenants;

    @Inject
    Caller caller;

    private final LazyDataModel<TenantView> model = new LazyDataModel<>() {
        @Override
        public int count(Map<String, FilterMeta> filters) {
            return (int) tenants.list(caller, 0, 1).total();
        }

        @Override
        public List<TenantView> load(int first, int pageSize, Map<String, SortMeta> sort, Map<String, FilterMeta> filters) {
            int size = Page.clampSize(pageSize);
            Page<TenantView> page = tenants.list(caller, first / size, size);
            setRowCount((int) page.total());
            return page.items();
        }

        @Override
        public String getRowKey(TenantView tenant) {
            return tenant.id().toString();
        }
    };

    public LazyDataModel<TenantView> getModel() {
        return model;
    }
}
