package mapping

import (
	"reflect"
	"testing"
	"time"
)

// TestLeadFieldsIsLead holds leadFields, the table the converters report
// uncarried fields from, to Lead's fields: same names, same order, and
// each set function seeing its own field only.
func TestLeadFieldsIsLead(t *testing.T) {
	typ := reflect.TypeOf(Lead{})
	if typ.NumField() != len(leadFields) || allFields != 1<<len(leadFields)-1 {
		t.Fatalf("Lead has %d fields, leadFields %d, allFields %b", typ.NumField(), len(leadFields), allFields)
	}
	for i, f := range leadFields {
		if f.name != typ.Field(i).Name {
			t.Errorf("leadFields[%d] is %s, Lead's field %s", i, f.name, typ.Field(i).Name)
		}
		var l Lead
		fv := reflect.ValueOf(&l).Elem().Field(i)
		switch fv.Kind() {
		case reflect.String:
			fv.SetString("x")
		case reflect.Pointer:
			fv.Set(reflect.New(fv.Type().Elem()))
		case reflect.Int8, reflect.Int:
			fv.SetInt(1)
		case reflect.Struct:
			switch fv.Interface().(type) {
			case Phone:
				p, _ := ParsePhone("06 12 34 56 78")
				fv.Set(reflect.ValueOf(p))
			case time.Time:
				fv.Set(reflect.ValueOf(time.Unix(1, 0)))
			default:
				t.Fatalf("%s: no sample", f.name)
			}
		}
		for j, g := range leadFields {
			if got := g.set(&l); got != (i == j) {
				t.Errorf("with only %s set, leadFields[%d] (%s).set is %v", f.name, j, g.name, got)
			}
			if got := l.setFields()&(1<<j) != 0; got != (i == j) {
				t.Errorf("with only %s set, setFields has %s: %v", f.name, g.name, got)
			}
		}
	}
}
